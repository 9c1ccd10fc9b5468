using InnoCluster.Features.Calculator;
using InnoCluster.Features.Calls;

namespace InnoCluster.Tests.Calls;

/// <summary>The rules of a call and an application, without a host: Beijing-time deadlines, completeness, eligibility, quotas, the 公示.</summary>
public sealed class CallRulesTests
{
    private static readonly CallActor Firm = new("u1", "企业用户", false, null, 7, false);
    private static readonly CallActor Office = new("o1", "集群办", true, null, null, false);
    private static readonly EligibilityAnswer Eligible = new(true, []);

    /// <summary>Closes 2026-03-31 17:00 Beijing time, which is 09:00 UTC.</summary>
    private static Call OpenCall() => new()
    {
        Title = "2026年度人工智能应用场景示范项目", Status = CallStatus.Published, Year = 2026,
        OpensAt = CallTime.Parse("2026-03-01 09:00").At, ClosesAt = CallTime.Parse("2026-03-31 17:00").At,
        Fields = [new("summary", "项目简介", true, 100), new("budget", "投资额", false)],
        Attachments = [new("licence", "营业执照", true), new("letter", "推荐函", false)],
        Rubric = [new("innovation", "创新性", 40, 10), new("benefit", "效益", 60, 10)],
        DistrictQuotas = [new(1, 1)], TotalQuota = 2,
    };

    private static CallApplication Complete() => new()
    {
        EnterpriseId = 7, EnterpriseName = "某智能科技有限公司", DistrictId = 1, ProjectTitle = "智能质检", Status = ApplicationStatus.Draft,
        Answers = [new("summary", "机器视觉质检")], Files = [new("licence", Guid.NewGuid(), "营业执照.pdf")],
    };

    [Fact]
    public void BeijingTime_IsReadWithoutAnOffset_AndAnOffsetIsKept()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero), CallTime.Parse("2026-03-31 17:00").At);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero), CallTime.Parse("2026-03-31T17:00:00Z").At);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero), CallTime.Parse("2026-03-31T17:00:00+08:00").At);
        Assert.Contains("not a time", CallTime.Parse("三月底").Error, StringComparison.Ordinal);
        Assert.Equal("2026-03-31 17:00", CallTime.Written(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Submission_IsTakenUntilTheCloseInBeijingTime_AndRefusedAfter()
    {
        var call = OpenCall();
        var justBefore = new DateTimeOffset(2026, 3, 31, 8, 59, 59, TimeSpan.Zero);
        var atClose = new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero);
        var late = Complete();
        var problem = late.Submit(call, Eligible, atClose, Firm);
        Assert.NotNull(problem);
        Assert.Contains("2026-03-31 17:00", problem.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, late.Status);

        var onTime = Complete();
        Assert.Null(onTime.Submit(call, Eligible, justBefore, Firm));
        Assert.Equal((ApplicationStatus.Submitted, "submit"), (onTime.Status, onTime.Steps.Single().Action));
        Assert.Equal(CallPhase.Reviewing, call.PhaseAt(atClose));
        Assert.Equal(CallPhase.Upcoming, call.PhaseAt(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnIncompleteApplication_IsRefusedFieldByField()
    {
        var application = Complete();
        application.Answers = [new("summary", new string('长', 101))];
        application.Files = [];
        var problem = application.Submit(OpenCall(), Eligible, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), Firm)!;
        Assert.Equal(["answers.summary", "files.licence"], problem.ByField.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void AFailedCondition_RefusesWithTheCalculatorsReason_AnOpenOneGoesToTheCheck()
    {
        var at = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        var failing = new EligibilityAnswer(false, [new("营业收入 ≥ 1,000万元", false, "300万元", false), new("属于苏州市", true, "工业园区", false)]);
        var refused = Complete().Submit(OpenCall(), failing, at, Firm)!;
        Assert.Contains("营业收入 ≥ 1,000万元", refused.Message, StringComparison.Ordinal);
        Assert.Contains("300万元", refused.Message, StringComparison.Ordinal);
        Assert.Equal("eligibility", refused.Field);

        var open = new EligibilityAnswer(null, [new("研发投入占比 ≥ 5%", null, null, false)]);
        var application = Complete();
        Assert.Null(application.Submit(OpenCall(), open, at, Firm));
        Assert.Equal("研发投入占比 ≥ 5%", application.Steps.Single().Note);
        Assert.Null(application.Eligibility.Single().Holds);
    }

    [Fact]
    public void AReturnedApplication_IsCorrectedBeforeItsOwnDeadline_EvenAfterTheClose()
    {
        var call = OpenCall();
        var application = Complete();
        Assert.Null(application.Submit(call, Eligible, new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), Firm));
        Assert.NotNull(application.Check(false, null, 5, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), Office)); // a return needs its reason
        Assert.NotNull(application.Check(false, "缺少盖章", 0, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), Office));
        Assert.Null(application.Check(false, "营业执照未盖章", 3, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), Office));
        Assert.Equal((ApplicationStatus.Returned, 1), (application.Status, application.Returns));

        Assert.Null(application.Submit(call, Eligible, new DateTimeOffset(2026, 4, 3, 23, 0, 0, TimeSpan.Zero), Firm));
        Assert.Equal("resubmit", application.Steps.Last().Action);
        Assert.Null(application.Check(false, "仍缺推荐函", 1, new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.Zero), Office));
        Assert.NotNull(application.Submit(call, Eligible, new DateTimeOffset(2026, 4, 6, 0, 0, 1, TimeSpan.Zero), Firm));
        Assert.Equal((ApplicationStatus.Returned, 2), (application.Status, application.Returns));
    }

    [Fact]
    public void DistrictRecommendations_StayWithinTheDistrictsQuota()
    {
        var call = OpenCall();
        call.NeedsDistrictRecommendation = true;
        var at = new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero);
        var first = Complete();
        first.Status = ApplicationStatus.Accepted;
        Assert.Null(first.Recommend(call, true, null, 0, at, Office));
        var second = Complete();
        second.Status = ApplicationStatus.Accepted;
        Assert.Contains("quota of 1", second.Recommend(call, true, null, 1, at, Office)!.Message, StringComparison.Ordinal);
        Assert.Null(second.Recommend(call, false, "名额已用完", 1, at, Office));
        var elsewhere = Complete();
        (elsewhere.Status, elsewhere.DistrictId) = (ApplicationStatus.Accepted, 2);
        Assert.NotNull(elsewhere.Recommend(call, true, null, 0, at, Office));
        Assert.True(first.IsInReview(call));
        Assert.False(second.IsInReview(call));
    }

    [Fact]
    public void ACall_IsPublishedOnlyWhenComplete_AndItsResultOnlyAfterThePublicity()
    {
        var draft = OpenCall();
        draft.Status = CallStatus.Draft;
        draft.Rubric = [new("innovation", "创新性", 40, 10)];
        draft.ClosesAt = draft.OpensAt!.Value.AddDays(-1);
        var refused = draft.Publish(DateTimeOffset.UtcNow)!;
        Assert.Equal(["closesAt", "rubric"], refused.ByField.Keys.Order(StringComparer.Ordinal));

        var call = OpenCall();
        var afterClose = call.ClosesAt!.Value.AddDays(1);
        Assert.NotNull(call.StartPublicity(call.ClosesAt.Value.AddDays(-1)));
        Assert.Null(call.StartPublicity(afterClose));
        Assert.True(call.TakesObjectionsAt(afterClose.AddDays(6)));
        Assert.False(call.TakesObjectionsAt(afterClose.AddDays(7)));
        Assert.NotNull(call.Decide(afterClose.AddDays(6), 0));
        Assert.Contains("1 objections", call.Decide(afterClose.AddDays(8), 1)!.Message, StringComparison.Ordinal);
        call.ListChangedDuringPublicity(afterClose.AddDays(6)); // an upheld objection changed the list: a full period again
        Assert.True(call.TakesObjectionsAt(afterClose.AddDays(12)));
        Assert.NotNull(call.Decide(afterClose.AddDays(12), 0));
        Assert.Null(call.Decide(afterClose.AddDays(13), 0));
        Assert.Equal(CallPhase.Decided, call.PhaseAt(afterClose.AddDays(13)));
        call.ListChangedDuringPublicity(afterClose.AddDays(14));
        Assert.Equal(afterClose.AddDays(13), call.PublicityUntil); // a published result is not reopened
    }
}
