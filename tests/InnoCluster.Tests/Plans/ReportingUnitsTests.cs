using InnoCluster.Features.Plans;

namespace InnoCluster.Tests.Plans;

/// <summary>The collective of the county-level cities and districts reports as each 板块; accounts report as their unit or their 板块.</summary>
public sealed class ReportingUnitsTests
{
    private static readonly ReportingUnits Suzhou = new(["苏州工业园区", "张家港市", "昆山市"]);

    [Theory]
    [InlineData("各县级市(区)人民政府(管委会)", true)]
    [InlineData("各县级市（区）人民政府（管委会）", true)]
    [InlineData("各市(区)政府", true)]
    [InlineData("市工信局", false)]
    [InlineData("各有关部门", false)]
    public void TheCollective_IsKnownByItsWords(string unit, bool collective) => Assert.Equal(collective, ReportingUnits.IsCollective(unit));

    [Fact]
    public void TheCollective_BecomesEachDistrict_InThePlansOrder_OnlyOnce()
    {
        Assert.Equal(["市工信局", "苏州工业园区", "张家港市", "昆山市", "市科技局"], Suzhou.Of(["市工信局", "各县级市(区)人民政府(管委会)", "市科技局", "各市(区)政府"]));
        Assert.Equal(["市工信局", "各县级市(区)人民政府(管委会)"], ReportingUnits.None.Of(["市工信局", "各县级市(区)人民政府(管委会)"])); // no districts known: it stays one unit
    }

    [Fact]
    public void AnAccount_ReportsAsItsUnit_OrTheDistrictItsNameBeginsWith()
    {
        IReadOnlyList<string> units = ["市工信局", "苏州工业园区", "张家港市", "昆山市"];
        Assert.Equal("市工信局", Suzhou.UnitOf("市工信局", units));
        Assert.Equal("昆山市", Suzhou.UnitOf("昆山市人民政府", units));
        Assert.Equal("苏州工业园区", Suzhou.UnitOf("苏州工业园区管委会", units));
        Assert.Null(Suzhou.UnitOf("市工信局办公室", units)); // only a 板块's government is read by its name's beginning
        Assert.Null(Suzhou.UnitOf("昆山市人民政府", ["市工信局"])); // not a unit of this task
        Assert.Null(Suzhou.UnitOf(null, units));
    }
}
