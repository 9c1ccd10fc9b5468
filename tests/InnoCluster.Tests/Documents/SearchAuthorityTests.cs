using InnoCluster.Features.Documents;

namespace InnoCluster.Tests.Documents;

public sealed class SearchAuthorityTests
{
    [Theory]
    [InlineData(DocumentKind.Law, "全国人民代表大会常务委员会", SearchAuthority.StatuteWeight)]
    [InlineData(DocumentKind.Law, "全国人民代表大会", SearchAuthority.StatuteWeight)]
    [InlineData(DocumentKind.Law, "中华人民共和国国务院", SearchAuthority.RegulationWeight)]
    [InlineData(DocumentKind.Law, "上海市人民代表大会常务委员会", 1.0)] // a local regulation
    [InlineData(DocumentKind.Law, "最高人民法院", 1.0)]
    [InlineData(DocumentKind.Law, null, 1.0)]
    [InlineData(DocumentKind.Policy, "国务院", 1.0)] // a policy is weighed by its words alone
    public void Weight_FollowsTheLegalHierarchy(DocumentKind kind, string? issuer, double weight) =>
        Assert.Equal(weight, SearchAuthority.Weight(kind, issuer));

    [Fact]
    public void Weight_StatuteAboveRegulationAboveTheRest() =>
        Assert.True(SearchAuthority.StatuteWeight > SearchAuthority.RegulationWeight && SearchAuthority.RegulationWeight > 1.0);
}
