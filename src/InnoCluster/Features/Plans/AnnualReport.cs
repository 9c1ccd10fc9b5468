using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Files;

namespace InnoCluster.Features.Plans;

/// <summary>
/// The annual report (白皮书) of a plan: its targets with their latest values, statuses and trends, the
/// tasks' reporting by responsible unit, the chain map, the scenario funnel and landed cases — every figure
/// numbered to a footnote that quotes its source. The same figures go to an .xlsx of all indicators.
/// </summary>
public sealed class AnnualReport(InnoClusterDbContext db, ListTargets targets, ListPlanTasks planTasks, ChainMap chainMap, ScenarioFunnel funnel, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SiteOptions> site)
{
    /// <summary>A numbered note; its link is absolute (the site's public address), so a printed or forwarded report still leads to the source.</summary>
    public sealed record Footnote(int Number, string Text, string? Quote, string? Link);

    /// <summary>A downloaded report is named after what it covers: the year, or the day for a report to date.</summary>
    public static string FileName(int planId, int? year, DateOnly asOf, string extension) =>
        $"annual-report-plan-{planId}-{year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "to-" + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.{extension}";

    public sealed record UnitSummary(string Unit, int Tasks, int Reported, int Overdue);

    /// <summary>The footnotes of the figures the platform counts itself: task reports, the chain map, the scenario pipeline.</summary>
    public sealed record PlatformNotes(int Tasks, int Chain, int Funnel);

    /// <param name="Year">The year reported on; null for "to date".</param>
    public sealed record Content(
        ActionPlan Plan,
        int? Year,
        DateOnly AsOf,
        IReadOnlyList<ListTargets.TargetDto> Targets,
        IReadOnlyDictionary<int, IReadOnlyList<int>> TargetFootnotes,
        IReadOnlyList<UnitSummary> Units,
        ChainMap.Result Chain,
        ScenarioFunnel.Dashboard Funnel,
        IReadOnlyList<ScenarioFunnel.Case> Cases,
        IReadOnlyDictionary<string, int> FigureFootnotes,
        PlatformNotes Platform,
        IReadOnlyDictionary<int, int> CaseFootnotes,
        IReadOnlyList<Footnote> Footnotes)
    {
        /// <summary>"…2025年度报告", or for a report to date "…截至2026年12月2日的进展报告".</summary>
        public string Title => Year is { } reported
            ? Ui.L($"{Plan.Title} · {reported}年度报告", $"{Plan.Title} · annual report {reported}")
            : Ui.L($"{Plan.Title} · 截至{AsOf:yyyy年M月d日}的进展报告", $"{Plan.Title} · progress to {AsOf:yyyy-MM-dd}");

        public string FileName(string extension) => AnnualReport.FileName(Plan.Id, Year, AsOf, extension);
    }

    /// <summary>
    /// The report for <paramref name="year"/> (by default the plan's last complete year) — targets, statuses and
    /// task reports as they stood on 31 December of that year — or, asked <paramref name="toDate"/> or for the
    /// current year, as they stand today. The chain map and the scenario pipeline are the platform's counts when
    /// the report is made (their notes say so).
    /// </summary>
    public async Task<Content?> BuildAsync(int planId, int? year, CancellationToken cancellationToken, bool toDate = false)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        year = ActionPlan.ReportYear(year, toDate, plan.StartYear, plan.EndYear, today.Year);
        var asOf = year is { } y ? new DateOnly(y, 12, 31) : today;
        var list = await targets.RunAsync(planId, cancellationToken, asOf) ?? [];
        var footnotes = new List<Footnote>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        int Note(string text, string? quote, string? link)
        {
            var key = text + "\u0001" + quote + "\u0001" + link;
            if (!byKey.TryGetValue(key, out var number))
            {
                number = footnotes.Count + 1;
                byKey[key] = number;
                footnotes.Add(new Footnote(number, text, quote, link is null || link.StartsWith("http", StringComparison.Ordinal) ? link : site.Value.Link(link)));
            }

            return number;
        }

        var targetNotes = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var target in list)
        {
            targetNotes[target.Id] = [.. target.Sources.Select(s => s.Kind switch
            {
                "target" => Note(Ui.L($"目标：{plan.Title}", $"Target: {plan.Title}"), s.Quote, s.Link),
                "computed" => Note(Ui.L($"登记在册 · 平台计算（{s.Date:yyyy-MM-dd}）：{s.Note}", $"Registered · computed by the platform ({s.Date:yyyy-MM-dd}): {s.Note}"), null, s.Link),
                _ => Note(Ui.L($"报告值（{s.Date:yyyy-MM-dd}）", $"Reported ({s.Date:yyyy-MM-dd})") + (s.Note is null ? "" : "：" + s.Note), s.Quote, s.Link),
            })];
        }

        var tasks = await planTasks.RunAsync(planId, cancellationToken, asOf) ?? [];
        var units = tasks.SelectMany(t => t.ByUnit)
            .GroupBy(u => u.Unit, StringComparer.Ordinal)
            .Select(g => new UnitSummary(g.Key, g.Count(), g.Count(u => u.Reports > 0), g.Count(u => u.OverduePeriod is not null)))
            .OrderByDescending(u => u.Tasks).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var dashboard = await funnel.DashboardAsync(cancellationToken);
        var funnelNotes = dashboard.Figures.Where(f => f.Quote is not null).ToDictionary(
            f => f.Key,
            f => Note(Ui.L($"场景数据来源（{f.ReportedOn:yyyy-MM-dd}）", $"Scenario figure's source ({f.ReportedOn:yyyy-MM-dd})"), f.Quote, f.DocumentId is { } d ? $"/documents/{d}" : null),
            StringComparer.Ordinal);
        var cases = (await funnel.CasesAsync(cancellationToken)).Take(12).ToList();
        var caseNotes = cases.ToDictionary(k => k.DockingId, k => k.Source is { } source
            ? Note(Ui.L("案例来源", "Case source"), source, $"/demands/{k.DemandId}")
            : Note(Ui.L($"平台对接记录：{k.Scenario}", $"Docking record on the platform: {k.Scenario}"), null, $"/demands/{k.DemandId}"));
        var platform = new PlatformNotes(
            Note(Ui.L($"平台任务报告记录（截至{asOf:yyyy-MM-dd}报送的）：各责任单位按季度报送的进展报告", $"Progress reports filed on the platform by {asOf:yyyy-MM-dd}, quarterly by each responsible unit"), null, $"/plans/{planId}/units"),
            Note(Ui.L($"平台企业登记库统计（生成报告时，{today:yyyy-MM-dd}）：按产业链图谱环节计数", $"The platform's enterprise registry when the report was made ({today:yyyy-MM-dd}), counted by chain-map node"), null, "/chain"),
            Note(Ui.L($"平台场景对接记录统计（生成报告时，{today:yyyy-MM-dd}）：需求发布、匹配、对接、签约、落地、示范", $"The platform's scenario pipeline when the report was made ({today:yyyy-MM-dd}): published, matched, docked, signed, landed, demonstration"), null, "/scenarios"));
        return new Content(
            plan,
            year,
            asOf,
            list,
            targetNotes,
            units,
            (await chainMap.RunAsync(null, cancellationToken))!,
            dashboard,
            cases,
            funnelNotes,
            platform,
            caseNotes,
            footnotes);
    }

    /// <summary>Every target with its latest value and status (sheet 指标), and every reported value with its source (sheet 报告值).</summary>
    public async Task<bool> WriteIndicatorsAsync(int planId, Stream output, CancellationToken cancellationToken)
    {
        var list = await targets.RunAsync(planId, cancellationToken, null);
        if (list is null)
        {
            return false;
        }

        var indicators = list.Select(t => new Dictionary<string, object?>
        {
            ["编号 Id"] = t.Id,
            ["目标 Target"] = t.Name,
            ["原文 As written"] = t.TargetText,
            ["目标值 Value"] = t.TargetValue,
            ["上限 Upper"] = t.UpperValue,
            ["单位 Unit"] = t.Unit,
            ["限定 Qualifier"] = t.Qualifier.ToString(),
            ["期限 Deadline"] = t.Deadline,
            ["类型 Period"] = t.Period.ToString(),
            ["任务 Task"] = t.Task,
            ["指标 Indicator"] = t.Indicator,
            ["最新值 Latest"] = t.LatestValue,
            ["日期 On"] = t.LatestOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["完成比例 Progress"] = t.Progress,
            ["时间进度 Time elapsed"] = t.TimeElapsed,
            ["状态 Status"] = t.StatusLabel,
            ["目标原文 Target sentence"] = t.Sources.FirstOrDefault(s => s.Kind == "target")?.Quote,
        }).ToList();
        var observations = list.SelectMany(t => t.Sources.Where(s => s.Kind != "target").Select(s => new Dictionary<string, object?>
        {
            ["目标编号 Target id"] = t.Id,
            ["目标 Target"] = t.Name,
            ["来源 Kind"] = s.Kind,
            ["日期 On"] = s.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["数值 Value"] = s.Value,
            ["单位 Unit"] = t.Unit,
            ["原文 Quote"] = s.Quote,
            ["说明 Note"] = s.Note,
            ["链接 Link"] = s.Link,
        })).ToList();
        await Spreadsheet.SaveSheetsAsync(output, new Dictionary<string, IEnumerable<IReadOnlyDictionary<string, object?>>> { ["指标"] = indicators, ["报告值"] = observations }, cancellationToken);
        return true;
    }
}
