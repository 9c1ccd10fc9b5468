using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>How a call's phase, an application's status and a review read on the pages, in the reader's language.</summary>
public static class CallText
{
    public static string Phase(CallPhase phase) => phase switch
    {
        CallPhase.Draft => Ui.L("草稿", "Draft"),
        CallPhase.Upcoming => Ui.L("即将开始", "Opens soon"),
        CallPhase.Open => Ui.L("申报中", "Open"),
        CallPhase.Reviewing => Ui.L("评审中", "Under review"),
        CallPhase.Publicity => Ui.L("公示中", "Results under public notice"),
        CallPhase.Decided => Ui.L("已公布结果", "Result published"),
        CallPhase.Recorded => Ui.L("往期（文件记载）", "Past round (from the documents)"),
        _ => Ui.L("已取消", "Cancelled"),
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => Ui.L("草稿", "Draft"),
        ApplicationStatus.Submitted => Ui.L("已提交，待形式审查", "Submitted, awaiting the formal check"),
        ApplicationStatus.Returned => Ui.L("退回补正", "Returned for correction"),
        ApplicationStatus.Accepted => Ui.L("形式审查通过", "Passed the formal check"),
        ApplicationStatus.Recommended => Ui.L("板块已推荐", "Recommended by its district"),
        ApplicationStatus.NotRecommended => Ui.L("板块未推荐", "Not recommended by its district"),
        ApplicationStatus.Withdrawn => Ui.L("已撤回", "Withdrawn"),
        ApplicationStatus.Selected => Ui.L("入选", "Selected"),
        _ => Ui.L("未入选", "Not selected"),
    };

    public static string Review(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Assigned => Ui.L("待评分", "To score"),
        AssignmentStatus.Recused => Ui.L("已回避", "Recused"),
        _ => Ui.L("已评分", "Scored"),
    };

    public static string Step(string action) => action switch
    {
        "start" => Ui.L("创建申报", "Started"),
        "edit" => Ui.L("修改申报", "Edited"),
        "submit" => Ui.L("提交", "Submitted"),
        "resubmit" => Ui.L("补正后重新提交", "Resubmitted after correction"),
        "withdraw" => Ui.L("撤回", "Withdrawn"),
        "accept" => Ui.L("形式审查通过", "Passed the formal check"),
        "return" => Ui.L("退回补正", "Returned for correction"),
        "recommend" => Ui.L("板块推荐", "Recommended by the district"),
        "not-recommend" => Ui.L("板块不予推荐", "Not recommended by the district"),
        "panel" => Ui.L("小组评议", "Panel score"),
        "select" => Ui.L("决定入选", "Selected"),
        "not-select" => Ui.L("决定不入选", "Not selected"),
        "upward-approved" => Ui.L("上级批准", "Approved by the higher level"),
        "upward-declined" => Ui.L("上级未批准", "Not approved by the higher level"),
        _ => action,
    };

    /// <summary>A call's level (国家/省/市) in the reader's language.</summary>
    public static string Level(string level) => level switch
    {
        "国家" => Ui.L("国家级", "National"),
        "省" => Ui.L("省级", "Provincial"),
        "市" => Ui.L("市级", "Municipal"),
        _ => level,
    };

    /// <summary>"还剩 3 天 4 小时" until a moment, or null once it has passed.</summary>
    public static string? Remaining(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        return left.TotalDays >= 1
            ? Ui.L($"还剩 {(int)left.TotalDays} 天 {left.Hours} 小时", $"{(int)left.TotalDays} d {left.Hours} h left")
            : Ui.L($"还剩 {left.Hours} 小时 {left.Minutes} 分", $"{left.Hours} h {left.Minutes} min left");
    }
}
