using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.Registry;

/// <summary>When a record counts: expiry, renewal, level changes, ends and proposals; and the specs that count them.</summary>
public sealed class RecordRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static bool Held(EnterpriseRecord record, DateOnly day, bool undatedCounts = false) =>
        EnterpriseRecord.HeldOn<EnterpriseRecord>(day, undatedCounts).Compile()(record);

    private static EnterpriseTier HighTech(int year, DateOnly? granted = null, DateOnly? expires = null, TierLevel level = TierLevel.National) =>
        new() { Tier = Tier.HighTech, Level = level, Year = year, GrantedOn = granted, ExpiresOn = expires };

    [Fact]
    public void AnExpiredDesignation_StopsCounting_TheDayAfterItsLastDay()
    {
        var certificate = HighTech(2022, new DateOnly(2022, 12, 14), new DateOnly(2025, 12, 13));
        Assert.False(Held(certificate, new DateOnly(2022, 12, 13)));
        Assert.True(Held(certificate, new DateOnly(2022, 12, 14)));
        Assert.True(Held(certificate, new DateOnly(2025, 12, 13)));
        Assert.False(Held(certificate, new DateOnly(2025, 12, 14)));
        Assert.Equal(RecordStanding.Expired, certificate.StandingOn(Today));
    }

    [Fact]
    public void ARenewal_IsANewRecord_AndTheFirmHoldsWithoutAGap()
    {
        var first = HighTech(2022, new DateOnly(2022, 12, 14), new DateOnly(2025, 12, 13));
        var renewed = HighTech(2025, new DateOnly(2025, 12, 10), new DateOnly(2028, 12, 9));
        foreach (var day in new[] { new DateOnly(2025, 12, 12), new DateOnly(2025, 12, 14), new DateOnly(2028, 12, 9) })
        {
            Assert.True(Held(first, day) || Held(renewed, day));
        }

        Assert.False(Held(first, new DateOnly(2028, 1, 1)));
        Assert.Equal((RecordStanding.Expired, RecordStanding.Held), (first.StandingOn(Today), renewed.StandingOn(Today)));
    }

    [Fact]
    public void ALevelChange_KeepsTheOldLevelsHistory()
    {
        var provincial = new EnterpriseTier { Tier = Tier.SpecialisedSme, Level = TierLevel.Provincial, Year = 2021 };
        var national = new EnterpriseTier { Tier = Tier.LittleGiant, Level = TierLevel.National, Year = 2024 };
        Assert.True(Held(provincial, new DateOnly(2022, 6, 30)));
        Assert.False(Held(national, new DateOnly(2023, 12, 31)));
        Assert.True(Held(national, new DateOnly(2024, 12, 31)));
        Assert.True(RecordWords.AtLeast(TierLevel.National, TierLevel.Provincial));
        Assert.False(RecordWords.AtLeast(TierLevel.Municipal, TierLevel.Provincial));
        Assert.False(RecordWords.AtLeast(TierLevel.Unspecified, TierLevel.District));
    }

    [Fact]
    public void OnlyAYearKnown_CountsFromThatYear_AndAnUndatedRecordOnlyToday()
    {
        var yearOnly = new EnterpriseTier { Tier = Tier.Gazelle, Year = 2024 };
        Assert.False(Held(yearOnly, new DateOnly(2023, 12, 31)));
        Assert.True(Held(yearOnly, new DateOnly(2024, 1, 1)));
        var undated = new EnterpriseTier { Tier = Tier.Unicorn };
        Assert.False(Held(undated, Today));
        Assert.True(Held(undated, Today, undatedCounts: true));
    }

    [Fact]
    public void AnEndedRecord_CountsUntilTheDayBefore_AndCannotEndTwice()
    {
        var listing = new EnterpriseTier { Tier = Tier.Listed, GrantedOn = new DateOnly(2019, 7, 22), Year = 2019 };
        Assert.Equal(ProblemKind.Invalid, listing.End(new DateOnly(2019, 7, 1), "退市", Today)!.Kind);
        Assert.Equal(ProblemKind.Invalid, listing.End(new DateOnly(2026, 1, 5), " ", Today)!.Kind);
        Assert.Equal(ProblemKind.Invalid, listing.End(Today.AddDays(1), "退市", Today)!.Kind);
        Assert.Null(listing.End(new DateOnly(2026, 1, 5), "终止上市", Today));
        Assert.True(Held(listing, new DateOnly(2026, 1, 4)));
        Assert.False(Held(listing, new DateOnly(2026, 1, 5)));
        Assert.Equal(RecordStanding.Ended, listing.StandingOn(Today));
        Assert.Equal(ProblemKind.Conflict, listing.End(new DateOnly(2026, 2, 1), "再次", Today)!.Kind);
    }

    [Fact]
    public void AProposal_CountsOnlyOnceConfirmed_AndARejectionNeedsAReason()
    {
        var proposed = new ProductCertification { Kind = CertificationKind.FirstEditionSoftware, ProductName = "语音平台", Level = TierLevel.Provincial, Year = 2024, Status = RecordStatus.Proposed };
        Assert.False(Held(proposed, Today, true));
        Assert.Equal(RecordStanding.Proposed, proposed.StandingOn(Today));
        Assert.Equal(ProblemKind.Conflict, proposed.End(Today, "撤销", Today)!.Kind);
        Assert.Equal(ProblemKind.Invalid, proposed.Reject("office@example.cn", DateTimeOffset.UnixEpoch, "")!.Kind);
        Assert.Null(proposed.Confirm("office@example.cn", DateTimeOffset.UnixEpoch));
        Assert.True(Held(proposed, Today));
        Assert.Equal(ProblemKind.Conflict, proposed.Confirm("office@example.cn", DateTimeOffset.UnixEpoch)!.Kind);
        Assert.Equal(ProblemKind.Conflict, proposed.Reject("office@example.cn", DateTimeOffset.UnixEpoch, "迟到的退回")!.Kind);

        var rejected = new StandardRecord { Number = "T/CESA 1234-2024", Title = "测试", Year = 2024, Status = RecordStatus.Proposed };
        Assert.Null(rejected.Reject("office@example.cn", DateTimeOffset.UnixEpoch, "标准编号查无此标准"));
        Assert.Equal(("标准编号查无此标准", RecordStanding.Rejected), (rejected.ReviewNote, rejected.StandingOn(Today)));
        Assert.False(Held(rejected, Today, true));
    }

    [Fact]
    public void Requests_NameEveryBadField()
    {
        var bad = new DesignationRequest("no-such-tier", "galactic", 2031, new DateOnly(2024, 5, 1), new DateOnly(2024, 4, 1), null, null, "", null, null);
        var fields = bad.Check(Today).Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "tier", "level", "year", "expiresOn", "source" }, fields);
        Assert.Contains("year", new CertificationRequest("first-edition-software", "产品", "provincial", null, null, null, "名单", null, null).Check(Today).Select(e => e.Field));
        Assert.Contains("role", new StandardRequest("GB/T 1-2020", "标准化工作导则", "national", "author", 2020, null, "国家标准全文公开系统", null, null).Check(Today).Select(e => e.Field));
        Assert.Empty(new FilingRequest("large-model", "元语大模型", "Jiangsu-YuanYu-20240101", null, new DateOnly(2024, 1, 1), "网信办公告", null, null).Check(Today));
    }

    [Fact]
    public void TheCalculatorsFactSheet_DropsATierOnTheDayItLapses()
    {
        var lapsing = new TierHeld(Tier.HighTech, 2022, new DateOnly(2025, 12, 14));
        Assert.True(lapsing.HeldOn(new DateOnly(2025, 12, 13)));
        Assert.False(lapsing.HeldOn(new DateOnly(2025, 12, 14)));
        Assert.False(lapsing.HeldOn(new DateOnly(2021, 12, 31)));
        Assert.True(new FilingHeld(FilingKind.Algorithm, null).HeldOn(Today));
    }

    [Fact]
    public async Task ACount_IsKeptUntilARowItCountsChanges_OrAMinutePasses()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var cache = new RegistryCountCache(clock, [typeof(CountedRow)]); // a kind of row no other test writes
        var counted = 0;
        Task<int> Count() => Task.FromResult(++counted);
        Assert.Equal(1, await cache.CountAsync("q", Count));
        Assert.Equal(1, await cache.CountAsync("q", Count));
        InnoCluster.Infrastructure.Data.DataChanges.Changed(typeof(CountedRow));
        Assert.Equal(2, await cache.CountAsync("q", Count));
        InnoCluster.Infrastructure.Data.DataChanges.Changed(typeof(RecordRulesTests)); // not counted from
        Assert.Equal(2, await cache.CountAsync("q", Count));
        clock.Advance(RegistryCountCache.MaxAge);
        Assert.Equal(3, await cache.CountAsync("q", Count));
    }

    [Theory]
    [InlineData("tiers:high-tech/provincial", true)]
    [InlineData("tiers:lead-goose/municipal@*", true)]
    [InlineData("tiers:high-tech/nowhere", false)]
    [InlineData("certifications:first-edition-software/provincial", true)]
    [InlineData("certifications:first-edition-software,fusion-innovation-product", true)]
    [InlineData("certifications:first-edition", false)]
    [InlineData("filings:algorithm,large-model", true)]
    [InlineData("filings:algorithm/national", false)]
    [InlineData("standards:lead/national", true)]
    [InlineData("standards:any", true)]
    [InlineData("standards:lead/provincial", false)]
    [InlineData("standards:", false)]
    public void RecordSpecs_ParseOnlyWhenEveryPartIsKnown(string spec, bool valid)
    {
        Assert.Equal(valid, ComputedIndicator.TryParse(spec, out var parsed));
        if (valid)
        {
            Assert.Equal(spec, parsed!.Spec);
            Assert.False(string.IsNullOrWhiteSpace(parsed.Describe()));
        }
    }

    [Fact]
    public void TheForm_ComposesTheSpecsItReadsBack()
    {
        var certified = ComputedIndicator.Compose(ComputedIndicator.Counted.Records, [], null, null, TierLevel.Provincial, "certifications:fusion-innovation-product");
        Assert.Equal("certifications:fusion-innovation-product/provincial", certified);
        Assert.True(ComputedIndicator.TryParse(certified, out var parsed));
        Assert.Equal(ComputedIndicator.Counted.Records, parsed!.Kind);
        Assert.Equal("tiers:high-tech/national@foundation", ComputedIndicator.Compose(ComputedIndicator.Counted.Tiers, [Tier.HighTech], "foundation", null, TierLevel.National));
        Assert.Equal("filings:algorithm", ComputedIndicator.Compose(ComputedIndicator.Counted.Records, [], null, null, TierLevel.National, "filings:algorithm"));
    }

    private sealed class CountedRow;
}
