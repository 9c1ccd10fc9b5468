using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.Registry;

/// <summary>The rules of a change to a firm's facts: decided once, a rejection says why, and confirming writes each value with who filed and who confirmed it.</summary>
public sealed class FactChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static FactChange Filed() => new()
    {
        EnterpriseId = 7, Year = 2025, Revenue = 50_000_000m, Employees = 80, EstablishedOn = new DateOnly(2019, 5, 6), DistrictId = 3, DistrictName = "苏州工业园区",
        Status = RecordStatus.Proposed, ProposedBy = "cfo@firm.example", ProposedById = "u1", ProposedAt = Now,
    };

    [Fact]
    public void ARejection_NeedsAReason_AndADecidedChange_IsNotDecidedAgain()
    {
        var change = Filed();
        Assert.Equal(ProblemKind.Invalid, change.Decide(false, "official@office", Now, "  ")!.Kind);
        Assert.Equal(RecordStatus.Proposed, change.Status);
        Assert.Equal(ProblemKind.Invalid, change.Decide(false, "official@office", Now, new string('因', FactChange.MaxReason + 1))!.Kind);

        Assert.Null(change.Decide(false, "official@office", Now, " 与年报不符 "));
        Assert.Equal((RecordStatus.Rejected, "与年报不符", "official@office"), (change.Status, change.Reason, change.DecidedBy));
        Assert.Equal(ProblemKind.Conflict, change.Decide(true, "official@office", Now, null)!.Kind);
    }

    [Fact]
    public void Confirming_WritesEachValue_KeepsWhatItDoesNotSet_AndNamesWhoFiledAndWhoConfirmed()
    {
        var enterprise = new Enterprise { Id = 7, Name = "甲", Figures = [new YearlyFigure { Year = 2025, RdSpend = 3_000_000m, Revenue = 1m }] };
        var change = Filed();
        Assert.Null(change.Decide(true, "official@office", Now, null));
        change.ApplyTo(enterprise, new DateOnly(2026, 3, 2));

        var figure = Assert.Single(enterprise.Figures);
        Assert.Equal((50_000_000m, 3_000_000m, 80), (figure.Revenue, figure.RdSpend, figure.Employees));
        Assert.Equal((ProvenanceKind.Manual, "cfo@firm.example"), (figure.Source!.Kind, figure.Source.Source));
        Assert.Contains("official@office", figure.Source.Note, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2019, 5, 6), 2019, 3), (enterprise.EstablishedOn, enterprise.EstablishedYear, enterprise.DistrictId));
        Assert.Equal(4, change.Lines().Count);
    }

    [Fact]
    public void APatentCountChange_SetsOnlyThePatents_AndSaysSoInBothLanguages()
    {
        var enterprise = new Enterprise { Id = 7, Name = "甲", Figures = [new YearlyFigure { Year = 2025, Revenue = 9m, PatentsValid = 40 }] };
        var change = new FactChange { EnterpriseId = 7, Year = 2025, PatentsGranted = 6, PatentsValid = 44, Status = RecordStatus.Proposed, ProposedBy = "ip@firm.example" };
        Assert.True(change.HasFigure);
        Assert.Null(change.Decide(true, "official@office", Now, null));
        change.ApplyTo(enterprise, new DateOnly(2026, 3, 2));

        var figure = Assert.Single(enterprise.Figures);
        Assert.Equal((9m, 6, 44), (figure.Revenue, figure.PatentsGranted, figure.PatentsValid));
        Assert.Equal(["2025年授权专利 6件", "2025年末有效专利 44件"], change.Lines());
    }

    [Fact]
    public void AChangeWithoutFigures_LeavesTheYearsAlone()
    {
        var enterprise = new Enterprise { Id = 7, Name = "甲" };
        var change = new FactChange { EnterpriseId = 7, Year = 2025, DistrictId = 4, DistrictName = "吴江区", Status = RecordStatus.Proposed, ProposedBy = "a@b.c" };
        change.ApplyTo(enterprise, new DateOnly(2026, 3, 2));
        Assert.Empty(enterprise.Figures);
        Assert.Equal(4, enterprise.DistrictId);
        Assert.Null(enterprise.DistrictSource!.Note);
    }
}
