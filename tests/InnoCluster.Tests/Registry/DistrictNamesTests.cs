using InnoCluster.Features.Registry;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Registry;

/// <summary>高新区 is 苏州高新区 in a Suzhou text and 无锡高新区 in a Wuxi one; in a text that says neither it is nothing.</summary>
public sealed class DistrictNamesTests
{
    private static readonly IReadOnlyList<DistrictInfo> Districts =
    [
        new(1, "snd", "苏州高新区", "Suzhou New District", ["高新区", "虎丘区"], null, null, 1, "苏州"),
        new(2, "wuxi-xinwu", "无锡高新区（新吴区）", "Wuxi New District", ["新吴区", "无锡高新区", "高新区"], null, null, 2, "无锡"),
        new(3, "sip", "苏州工业园区", "Suzhou Industrial Park", ["园区"], null, null, 3, "苏州"),
    ];

    [Fact]
    public void TheWuxiReply_ReadsGaoxinquAsWuxi()
    {
        var reply = File.ReadAllText(Directory.GetFiles(TestPaths.SeedDocuments, "003_*").Single());
        Assert.Equal("无锡", DistrictNames.CityOf(Districts, reply));
        Assert.Equal(["wuxi-xinwu"], DistrictNames.InContext(Districts, reply).Where(x => x.Name == "高新区").Select(x => x.District.Code));
    }

    [Fact]
    public void TheSuzhouPlan_ReadsGaoxinquAsSuzhou()
    {
        var plan = File.ReadAllText(Directory.GetFiles(TestPaths.SeedDocuments, "004_*").Single());
        Assert.Equal(["snd"], DistrictNames.InContext(Districts, plan).Where(x => x.Name == "高新区").Select(x => x.District.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("高新区出台人才计划。")]
    [InlineData("苏州与无锡两地高新区合作。")]
    public void WithoutACityToGoBy_TheSharedNameMeansNothing_TheOthersStand(string? text)
    {
        var names = DistrictNames.InContext(Districts, text);
        Assert.DoesNotContain(names, x => x.Name == "高新区");
        Assert.Contains(names, x => x.Name == "虎丘区" && x.District.Code == "snd");
        Assert.Contains(names, x => x.Name == "园区" && x.District.Code == "sip");
    }
}
