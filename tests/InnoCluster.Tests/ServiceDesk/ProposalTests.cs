using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>A proposal's rules: who drafts, opines, signs off, sends and reports, and in which state.</summary>
public sealed class ProposalTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static AppealActor Office => new("office", "office@example.gov.cn", true, null, null, Now);

    private static AppealActor Unit(string unit) => new(unit, unit, false, unit, null, Now);

    private static Proposal Registered() => new()
    {
        Kind = ProposalKind.CppccProposal, Session = "区政协二届四次会议", Number = 7, Proposer = "张三", Title = "关于加快智算中心建设的建议",
        LeadUnit = "区工信局", CoUnits = ["区科技局"], DueOn = new DateOnly(2026, 6, 30), RegisteredAt = Now,
    };

    private static ProposalCommitment Commitment(int number, string? unit) => new() { Number = number, Title = $"承诺{number}", Text = "", Unit = unit };

    [Fact]
    public void TheReply_GoesFromDraftToSignOffToSent_AndOnlyThoseWhoMay_MoveIt()
    {
        var proposal = Registered();
        Assert.Equal(ProblemKind.Forbidden, proposal.Draft("答复", ProposalOutcome.B, [], null, null, Unit("区科技局"))!.Kind);
        Assert.Null(proposal.AddOpinion("同意主办单位意见，建议纳入算力券支持。", Unit("区科技局")));
        Assert.Equal(ProblemKind.Forbidden, proposal.AddOpinion("无", Unit("区财政局"))!.Kind);

        Assert.Null(proposal.Draft("您提出的建议收悉……", ProposalOutcome.B, [Commitment(1, "区工信局"), Commitment(2, null)], null, null, Unit("区工信局")));
        Assert.Equal(ProposalStatus.Drafted, proposal.Status);
        Assert.Equal(ProblemKind.Forbidden, proposal.SignOff(Unit("区工信局"))!.Kind);
        Assert.Null(proposal.SignOff(Office));
        Assert.Equal(ProposalStatus.SignedOff, proposal.Status);

        // A revised draft voids the sign-off.
        Assert.Null(proposal.Draft("您提出的建议收悉（修改稿）……", ProposalOutcome.A, [Commitment(1, "区工信局")], null, null, Unit("区工信局")));
        Assert.Equal(ProposalStatus.Drafted, proposal.Status);
        Assert.Null(proposal.SignedOffBy);
        Assert.Single(proposal.Commitments);
        Assert.Equal(ProblemKind.Conflict, proposal.Reply(new DateOnly(2026, 6, 20), DisclosureMode.NotDisclosed, null, null, null, null, Office)!.Kind);
        Assert.Null(proposal.SignOff(Office));
        Assert.Equal(ProblemKind.Conflict, proposal.AddOpinion("迟到的意见", Unit("区科技局"))!.Kind);
    }

    [Fact]
    public void APublishedReply_NeedsItsDisclosureRecord_ANonDisclosedOneDoesNot()
    {
        var proposal = Registered();
        proposal.Draft("答复", ProposalOutcome.C, [], null, null, Office);
        proposal.SignOff(Office);
        var missing = proposal.Reply(new DateOnly(2026, 6, 20), DisclosureMode.Active, " ", null, null, 12, Office)!;
        Assert.Equal(["disclosureIndex", "publishedOn", "publisher"], missing.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ProposalStatus.SignedOff, proposal.Status);

        Assert.Null(proposal.Reply(new DateOnly(2026, 6, 20), DisclosureMode.Active, "014032126/2026-00001", "新吴区工信局", new DateOnly(2026, 6, 22), 12, Office));
        Assert.Equal((ProposalStatus.Replied, 12, "014032126/2026-00001"), (proposal.Status, proposal.ReplyDocumentId, proposal.DisclosureIndex));
        Assert.Equal(ProblemKind.Conflict, proposal.Draft("再改", ProposalOutcome.A, [], null, null, Office)!.Kind);
    }

    [Fact]
    public void OverdueUntilReplied_ByTheBeijingDay()
    {
        var proposal = Registered();
        Assert.False(proposal.IsOverdue(new DateOnly(2026, 6, 30)));
        Assert.True(proposal.IsOverdue(new DateOnly(2026, 7, 1)));
        proposal.Status = ProposalStatus.Replied;
        Assert.False(proposal.IsOverdue(new DateOnly(2026, 7, 1)));
        Assert.False(new Proposal { Status = ProposalStatus.Registered }.IsOverdue(new DateOnly(2030, 1, 1))); // no due date known
    }

    [Fact]
    public void FeedbackComesAfterTheReply_AndTheMeetingIsNotInTheFuture()
    {
        var proposal = Registered();
        Assert.Equal(ProblemKind.Conflict, proposal.RecordFeedback(Satisfaction.Satisfied, null, null, Office)!.Kind);
        proposal.Status = ProposalStatus.Replied;
        Assert.Equal(ProblemKind.Forbidden, proposal.RecordFeedback(Satisfaction.Satisfied, null, null, Unit("区工信局"))!.Kind);
        Assert.Equal("metOn", proposal.RecordFeedback(Satisfaction.Satisfied, new DateOnly(2026, 6, 11), null, Office)!.Field);
        Assert.Null(proposal.RecordFeedback(Satisfaction.BasicallySatisfied, new DateOnly(2026, 6, 10), "已面商", Office));
        Assert.Equal((Satisfaction.BasicallySatisfied, new DateOnly(2026, 6, 10)), (proposal.ProposerSatisfaction!.Value, proposal.MetOn!.Value));
    }

    [Fact]
    public void ACommitment_IsReportedOnByItsUnit_AndIsOverdueUntilDone()
    {
        var commitment = Commitment(1, null);
        Assert.Equal(CommitmentStatus.Unknown, commitment.Status);
        Assert.Equal(ProblemKind.Forbidden, commitment.Report("推进中", false, Unit("区工信局"))!.Kind); // no unit named yet: only the office
        Assert.Equal(ProblemKind.Forbidden, commitment.Assign("区工信局", new DateOnly(2026, 12, 31), Unit("区工信局"))!.Kind);
        Assert.Null(commitment.Assign("区工信局", new DateOnly(2026, 12, 31), Office));
        Assert.Equal("text", commitment.Report(" ", false, Unit("区工信局"))!.Field);
        Assert.Null(commitment.Report("已完成智算中心选址。", false, Unit("区工信局")));
        Assert.Equal(CommitmentStatus.InProgress, commitment.Status);
        Assert.True(commitment.IsOverdue(new DateOnly(2027, 1, 1)));
        Assert.Null(commitment.Report("智算中心已投用。", true, Unit("区工信局")));
        Assert.False(commitment.IsOverdue(new DateOnly(2027, 1, 1)));
        Assert.Equal(2, commitment.Reports.Count);
        Assert.Equal(ProblemKind.Forbidden, commitment.Report("越权", false, Unit("区科技局"))!.Kind);
    }

    [Fact]
    public void AUnit_SeesWhatItLeadsCoHandlesOrCarriesOut()
    {
        var proposal = Registered();
        proposal.Commitments.Add(Commitment(1, "区人社局"));
        Assert.True(proposal.IsVisibleTo(Unit("区工信局")));
        Assert.True(proposal.IsVisibleTo(Unit("区科技局")));
        Assert.True(proposal.IsVisibleTo(Unit("区人社局")));
        Assert.False(proposal.ShowsContactTo(Unit("区人社局")));
        Assert.False(proposal.IsVisibleTo(Unit("区财政局")));
        Assert.False(proposal.IsVisibleTo(new AppealActor("firm", "firm", false, null, 3, Now)));
    }
}
