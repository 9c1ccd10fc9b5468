using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>A request's rules and clocks, on the 2026 calendar, with the clock set by hand.</summary>
public sealed class AppealTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly WorkingCalendar Calendar = new(
        HolidayNoticeReader.Read(2026, File.ReadAllText(Path.Combine(TestPaths.Seed, "calendar", "2026.txt"))).ToDictionary(e => e.Date, e => e.Kind),
        new HashSet<int> { 2026 });

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Beijing);

    private static DateTimeOffset EndOf(int month, int day) => new DateTimeOffset(2026, month, day, 0, 0, 0, Beijing).AddDays(1);

    private static AppealActor Desk(DateTimeOffset now) => new("desk", "desk@example.gov.cn", true, null, null, now);

    private static AppealActor Unit(string unit, DateTimeOffset now) => new("unit", unit, false, unit, null, now);

    private static AppealActor Firm(int id, DateTimeOffset now) => new("firm", "firm", false, null, id, now);

    private static Appeal FiledBeforeTheSpringFestival()
    {
        var appeal = new Appeal { Topic = "研发费用补助迟迟未兑现", Text = "2025年度的研发费用补助至今未到账。", EnterpriseId = 7, EnterpriseName = "测试企业" };
        appeal.Filed(At(2, 13), Calendar, Firm(7, At(2, 13)));
        return appeal;
    }

    [Fact]
    public void Clocks_RunOnWorkingDays_ThroughTheHolidayAndTheWorkedSaturday()
    {
        var appeal = FiledBeforeTheSpringFestival();
        Assert.Equal(EndOf(2, 14), appeal.AcceptDueAt); // Saturday 2/14 is a working day

        Assert.Null(appeal.Assign("市工信局", ["市科技局", "市工信局"], "政策兑现", At(2, 14), Calendar, Desk(At(2, 14))));
        Assert.Equal(["市科技局"], appeal.CoUnits);
        Assert.Equal(EndOf(2, 26), appeal.FirstResponseDueAt); // 2/15–2/23 off: 2/24, 2/25, 2/26
        Assert.Equal(EndOf(3, 13), appeal.ResolveDueAt); // 2/24–2/27, 2/28 (worked Saturday), 3/2–3/6, 3/9–3/13
        Assert.False(appeal.DueIsProvisional);

        Assert.True(appeal.IsOverdue(EndOf(2, 26).AddMinutes(1)));
        Assert.Null(appeal.Respond("已联系企业核实", At(2, 24), Unit("市工信局", At(2, 24))));
        Assert.False(appeal.IsOverdue(EndOf(2, 26).AddMinutes(1)));

        Assert.Null(appeal.RequestExtension("需财政局复核拨付流程", Unit("市工信局", At(3, 2))));
        Assert.Equal(EndOf(3, 13), appeal.ResolveDueAt); // not until the desk approves
        Assert.Null(appeal.DecideExtension(true, "同意", Calendar, Desk(At(3, 3))));
        Assert.Equal(EndOf(4, 3), appeal.ResolveDueAt); // 30 working days from the assignment
        Assert.Equal(["file", "assign", "respond", "extension-requested", "extension-approved"], appeal.Steps.Select(s => s.Action));
    }

    [Fact]
    public void OnlyTheLeadUnitHandles_TheDeskAssigns_AndTheFirmRates()
    {
        var appeal = FiledBeforeTheSpringFestival();
        Assert.Equal(ProblemKind.Forbidden, appeal.Assign("市工信局", [], null, At(2, 14), Calendar, Unit("市工信局", At(2, 14)))!.Kind);
        appeal.Assign("市工信局", ["市科技局"], null, At(2, 14), Calendar, Desk(At(2, 14)));
        Assert.Equal(ProblemKind.Forbidden, appeal.Resolve("已办结", At(2, 24), Unit("市科技局", At(2, 24)))!.Kind);
        Assert.Equal(ProblemKind.Conflict, appeal.Rate(Satisfaction.Satisfied, null, At(2, 24), Calendar, Firm(7, At(2, 24)))!.Kind);
        Assert.Equal(ProblemKind.Invalid, appeal.Resolve(" ", At(2, 24), Unit("市工信局", At(2, 24)))!.Kind);
        Assert.Null(appeal.Resolve("补助已于2月24日拨付", At(2, 24), Unit("市工信局", At(2, 24))));
        Assert.Equal(ProblemKind.Forbidden, appeal.Rate(Satisfaction.Satisfied, null, At(2, 25), Calendar, Firm(8, At(2, 25)))!.Kind);
        Assert.Equal(ProblemKind.Conflict, appeal.RequestExtension("再延", Unit("市工信局", At(2, 25)))!.Kind);

        Assert.True(appeal.IsVisibleTo(Unit("市科技局", At(2, 25))));
        Assert.False(appeal.IsVisibleTo(Unit("市商务局", At(2, 25))));
        Assert.False(appeal.IsVisibleTo(Firm(8, At(2, 25))));
        Assert.True(appeal.IsVisibleTo(Firm(7, At(2, 25))));
    }

    [Fact]
    public void ADissatisfiedFirm_ReopensOnce_ThenItCloses()
    {
        var appeal = FiledBeforeTheSpringFestival();
        appeal.Assign("市工信局", [], null, At(2, 14), Calendar, Desk(At(2, 14)));
        appeal.Resolve("已答复政策口径", At(2, 24), Unit("市工信局", At(2, 24)));

        Assert.Null(appeal.Rate(Satisfaction.Dissatisfied, "没有解决实际问题", At(4, 30), Calendar, Firm(7, At(4, 30))));
        Assert.Equal((AppealStatus.InProgress, 1), (appeal.Status, appeal.Reopened));
        Assert.Equal(EndOf(5, 25), appeal.ResolveDueAt); // 15 working days from 4/30 over the Labour Day break (5/9 worked)

        appeal.Resolve("补助已拨付", At(5, 6), Unit("市工信局", At(5, 6)));
        Assert.Null(appeal.Rate(Satisfaction.Dissatisfied, "仍不满意", At(5, 7), Calendar, Firm(7, At(5, 7))));
        Assert.Equal((AppealStatus.Closed, 1, Satisfaction.Dissatisfied), (appeal.Status, appeal.Reopened, appeal.Rating));
    }

    [Fact]
    public void AHandBack_ReturnsItToTheDesk_WithTheDesksClockAgain()
    {
        var appeal = FiledBeforeTheSpringFestival();
        appeal.Assign("市商务局", [], null, At(2, 14), Calendar, Desk(At(2, 14)));
        Assert.Equal(ProblemKind.Invalid, appeal.HandBack("", At(2, 24), Calendar, Unit("市商务局", At(2, 24)))!.Kind);
        Assert.Null(appeal.HandBack("研发补助由工信局负责", At(2, 24), Calendar, Unit("市商务局", At(2, 24))));
        Assert.Equal((AppealStatus.Received, null), (appeal.Status, appeal.LeadUnit));
        Assert.Equal(EndOf(2, 25), appeal.AcceptDueAt);
        Assert.False(appeal.IsVisibleTo(Unit("市商务局", At(2, 24))));
        Assert.Null(appeal.Assign("市工信局", [], null, At(2, 24), Calendar, Desk(At(2, 24))));
        Assert.Equal(EndOf(3, 16), appeal.ResolveDueAt);
    }

    [Fact]
    public void ANoticePublishedLater_RecountsTheOpenDeadlines_FromTheirStartingPoints()
    {
        var unknownYear = new WorkingCalendar(new Dictionary<DateOnly, DayKind>(), new HashSet<int>());
        var assigned = new Appeal { Topic = "春节前申报的补贴", Text = "春节前提交的补贴申请。", EnterpriseId = 7, EnterpriseName = "测试企业" };
        assigned.Filed(At(2, 12), unknownYear, Firm(7, At(2, 12)));
        Assert.Null(assigned.Assign("市工信局", [], "政策兑现", At(2, 13), unknownYear, Desk(At(2, 13))));
        Assert.True(assigned.DueIsProvisional);
        Assert.Equal(EndOf(2, 18), assigned.FirstResponseDueAt); // weekdays only: 2/16, 2/17, 2/18

        var received = new Appeal { Topic = "节前来电", Text = "节前来电反映的问题。", EnterpriseId = 8, EnterpriseName = "测试企业乙" };
        received.Filed(At(2, 13), unknownYear, Firm(8, At(2, 13)));

        Assert.False(assigned.RecountDeadlines(unknownYear, "另一年的通知", Desk(At(2, 10)))); // a notice for another year moves nothing: no step
        Assert.DoesNotContain(assigned.Steps, s => s.Action == "recount");
        Assert.True(assigned.RecountDeadlines(Calendar, "国务院办公厅关于2026年部分节假日安排的通知", Desk(At(2, 10))));
        Assert.Equal(EndOf(2, 25), assigned.FirstResponseDueAt); // 2/14 (worked Saturday), 2/24, 2/25
        Assert.Equal(EndOf(3, 12), assigned.ResolveDueAt);
        Assert.False(assigned.DueIsProvisional);
        Assert.Equal(("recount", "国务院办公厅关于2026年部分节假日安排的通知"), (assigned.Steps[^1].Action, assigned.Steps[^1].Note));
        Assert.Equal(EndOf(3, 6), assigned.Steps.Single(s => s.Action == "assign").DueAt); // the assignment's step keeps what it set then

        Assert.True(received.RecountDeadlines(Calendar, "通知", Desk(At(2, 10))));
        Assert.Equal(EndOf(2, 14), received.AcceptDueAt);

        Assert.False(assigned.RecountDeadlines(Calendar, "通知", Desk(At(2, 10)))); // nothing provisional any more
    }
}
