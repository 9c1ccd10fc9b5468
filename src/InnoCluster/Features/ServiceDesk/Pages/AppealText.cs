using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The desk's words for statuses, channels, ratings and steps, in the reader's language.</summary>
public static class AppealText
{
    public static string Status(AppealStatus status) => status switch
    {
        AppealStatus.Received => Ui.L("待受理", "Waiting for the desk"),
        AppealStatus.Assigned => Ui.L("已交办", "Assigned"),
        AppealStatus.InProgress => Ui.L("办理中", "Being handled"),
        AppealStatus.Resolved => Ui.L("已办结，待评价", "Resolved, awaiting rating"),
        _ => Ui.L("已关闭", "Closed"),
    };

    public static string Channel(AppealChannel channel) => channel switch
    {
        AppealChannel.Platform => Ui.L("平台提交", "Platform"),
        AppealChannel.Hotline12345 => Ui.L("12345热线", "12345 hotline"),
        AppealChannel.Visit => Ui.L("走访", "Visit"),
        AppealChannel.Letter => Ui.L("来信", "Letter"),
        _ => Ui.L("其他", "Other"),
    };

    public static string Rating(Satisfaction rating) => rating switch
    {
        Satisfaction.Satisfied => Ui.L("满意", "Satisfied"),
        Satisfaction.BasicallySatisfied => Ui.L("基本满意", "Basically satisfied"),
        _ => Ui.L("不满意", "Dissatisfied"),
    };

    public static string Kind(DayKind kind) => kind switch
    {
        DayKind.Holiday => Ui.L("放假", "Holiday"),
        DayKind.WorkingDay => Ui.L("调休上班", "Weekend worked"),
        _ => Ui.L("按平常日计", "Ordinary day"),
    };

    /// <summary>A holiday as the notice names it; in English the usual name of the seven statutory holidays (any other name as written).</summary>
    public static string Holiday(string name) => Ui.L(name, name switch
    {
        "元旦" => "New Year's Day",
        "春节" => "Spring Festival",
        "清明节" => "Qingming Festival",
        "劳动节" => "Labour Day",
        "端午节" => "Dragon Boat Festival",
        "中秋节" => "Mid-Autumn Festival",
        "国庆节" => "National Day",
        _ => name,
    });

    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => Ui.L("周一", "Mon"),
        DayOfWeek.Tuesday => Ui.L("周二", "Tue"),
        DayOfWeek.Wednesday => Ui.L("周三", "Wed"),
        DayOfWeek.Thursday => Ui.L("周四", "Thu"),
        DayOfWeek.Friday => Ui.L("周五", "Fri"),
        DayOfWeek.Saturday => Ui.L("周六", "Sat"),
        _ => Ui.L("周日", "Sun"),
    };

    public static string Step(string action) => action switch
    {
        "file" => Ui.L("提出诉求", "Filed"),
        "assign" => Ui.L("受理并交办", "Accepted and assigned"),
        "respond" => Ui.L("首次答复", "First response"),
        "extension-requested" => Ui.L("申请延期", "Extension requested"),
        "extension-approved" => Ui.L("同意延期", "Extension approved"),
        "extension-refused" => Ui.L("不同意延期", "Extension refused"),
        "hand-back" => Ui.L("退回窗口", "Handed back"),
        "resolve" => Ui.L("办结", "Resolved"),
        "reopen" => Ui.L("不满意，重新办理", "Dissatisfied: reopened"),
        "rate" => Ui.L("评价", "Rated"),
        "escalate" => Ui.L("逾期督办", "Escalated: overdue"),
        "recount" => Ui.L("按新公布的放假安排重算期限", "Deadlines recounted by the new holiday notice"),
        _ => action,
    };

    /// <summary>A deadline in Beijing time, marked when a year's holiday notice was not yet known.</summary>
    public static string Due(DateTimeOffset? due, bool provisional) => due is not { } at
        ? "—"
        : WorkingCalendar.DayEnding(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
          + Ui.L(" 24时前", " (end of day)") + (provisional ? Ui.L("（暂定：跨入尚未公布放假安排的年份）", " (provisional: a year whose holiday notice is not out yet)") : "");
}
