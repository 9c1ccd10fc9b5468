using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;

namespace InnoCluster.Tests.Registry;

public class TierTextTests
{
    [Theory]
    [InlineData("上市", Tier.Listed, TierLevel.Unspecified, null)]
    [InlineData("专精特新(省级,2023)", Tier.SpecialisedSme, TierLevel.Provincial, 2023)]
    [InlineData("省级专精特新", Tier.SpecialisedSme, TierLevel.Provincial, null)]
    [InlineData("国家级专精特新“小巨人”", Tier.LittleGiant, TierLevel.National, null)]
    [InlineData("独角兽(培育)", Tier.UnicornCandidate, TierLevel.Unspecified, null)]
    [InlineData("瞪羚企业 2022", Tier.Gazelle, TierLevel.Unspecified, 2022)]
    [InlineData("高新技术企业", Tier.HighTech, TierLevel.National, null)]
    [InlineData("头雁培育企业", Tier.LeadGooseCandidate, TierLevel.Municipal, null)]
    [InlineData("链主企业", Tier.ChainLeader, TierLevel.Unspecified, null)]
    public void TryParse_OfficeSpellings(string text, Tier tier, TierLevel level, int? year)
    {
        Assert.True(TierText.TryParse(text, out var parsed), text);
        Assert.Equal(new ParsedTier(tier, level, year), parsed);
    }

    [Theory]
    [InlineData("专精特新(待定)")]
    [InlineData("优秀企业")]
    public void TryParse_Unknown_IsRefused(string text) => Assert.False(TierText.TryParse(text, out _));

    [Fact]
    public void Split_SeveralTiersInOneCell() =>
        Assert.Equal(["上市", "专精特新(省级,2023)", "高新技术企业"], TierText.Split("上市；专精特新(省级,2023)、高新技术企业"));
}
