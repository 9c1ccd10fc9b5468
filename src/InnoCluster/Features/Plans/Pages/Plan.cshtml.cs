using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>The plan's targets with their latest values, statuses and sources (the first view of the KPI dashboard).</summary>
[Authorize(Policy = Policies.Public)]
public sealed class PlanModel(ListPlans plans, ListTargets targets) : PageModel
{
    public ListPlans.Item? Plan { get; private set; }

    public IReadOnlyList<ListPlans.Item> Plans { get; private set; } = [];

    public IReadOnlyList<ListTargets.TargetDto> Targets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Plans = await plans.RunAsync(cancellationToken);
        Plan = id is { } wanted ? Plans.FirstOrDefault(p => p.Id == wanted) : Plans.Count > 0 ? Plans[0] : null;
        if (id is not null && Plan is null)
        {
            return NotFound();
        }

        Targets = Plan is null ? [] : await targets.RunAsync(Plan.Id, cancellationToken) ?? [];
        return Page();
    }

    public static string Amount(decimal value, decimal? upper, string unit) =>
        unit == "元"
            ? Ui.Yuan(value) + (upper is { } u ? "–" + Ui.Yuan(u) : "")
            : value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + (upper is { } v ? "–" + v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) : "") + unit;

    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Met => Ui.L("已完成", "met"),
        TargetStatus.OnTrack => Ui.L("进度正常", "on track"),
        TargetStatus.AtRisk => Ui.L("存在风险", "at risk"),
        TargetStatus.Behind => Ui.L("滞后", "behind"),
        _ => Ui.L("暂无数据", "no data"),
    };

    public static string SourceKind(string kind) => kind switch
    {
        "target" => Ui.L("计划原文", "plan text"),
        // A count the registry computes and a figure a document or report states are different measures.
        "computed" => Ui.L("登记在册 · 平台计算", "registered · computed"),
        _ => Ui.L("报道 · 文件或报告所述", "reported · as a document states"),
    };

    public static string PeriodText(TargetPeriod period) => period switch
    {
        TargetPeriod.Cumulative => Ui.L("累计", "cumulative"),
        TargetPeriod.Annual => Ui.L("每年", "yearly"),
        _ => Ui.L("到期达到", "by the deadline"),
    };
}

/// <summary>Which plan the tab bar is for and which tab is open.</summary>
public sealed record PlanNav(int PlanId, string Current);
