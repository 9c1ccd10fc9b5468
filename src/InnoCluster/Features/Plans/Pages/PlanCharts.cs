using System.Text.Json;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>The data-chart payloads plan-charts.js draws: progress against time, a target's trend.</summary>
public static class PlanCharts
{
    public static string StatusColour(TargetStatus status) => status switch
    {
        TargetStatus.Met => "#2e7d32",
        TargetStatus.OnTrack => "#1f4e79",
        TargetStatus.AtRisk => "#e67e22",
        TargetStatus.Behind => "#c0392b",
        _ => "#90a4ae",
    };

    public static string Progress(IEnumerable<ListTargets.TargetDto> targets)
    {
        var list = targets.Where(t => t.Progress is not null).ToList();
        return JsonSerializer.Serialize(new
        {
            type = "progress",
            progressLabel = Ui.L("完成比例", "Progress"),
            elapsedLabel = Ui.L("时间进度", "Time elapsed"),
            labels = list.Select(t => $"{t.Name} ({t.TargetText})"),
            progress = list.Select(t => t.Progress),
            elapsed = list.Select(t => t.TimeElapsed),
            colours = list.Select(t => StatusColour(t.Status)),
        });
    }

    /// <summary>A target's values over the plan's years, money in 亿元 so the axis stays readable, with the target as a line.</summary>
    public static string Trend(ListTargets.TargetDto target, int? startYear)
    {
        var (scale, unit) = target.Unit == "元" ? (100_000_000m, "亿元") : (1m, target.Unit);
        var points = target.Sources.Where(s => s.Kind != "target" && s.Value is not null && s.Date is not null)
            .GroupBy(s => s.Date!.Value).OrderBy(g => g.Key)
            .Select(g => new object[] { g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Math.Round(g.First().Value!.Value / scale, 2) })
            .ToList();
        return JsonSerializer.Serialize(new
        {
            type = "trend",
            name = target.Name,
            unit,
            target = Math.Round(target.TargetValue / scale, 2),
            targetLabel = Ui.L("目标 ", "Target ") + target.TargetText,
            start = startYear is { } first ? $"{first}-01-01" : null,
            end = target.Deadline is { } due ? $"{due}-12-31" : null,
            points,
        });
    }

    /// <summary>Every target with values over time, each as a share of its own target so they share one axis.</summary>
    public static string ProgressTrends(IEnumerable<ListTargets.TargetDto> targets, int? startYear, int? endYear)
    {
        var series = targets.Where(t => t.TargetValue > 0 && t.Period != TargetPeriod.Annual)
            .Select(t => new
            {
                name = $"{t.Name} ({t.TargetText})",
                points = t.Sources.Where(s => s.Kind != "target" && s.Value is not null && s.Date is not null)
                    .GroupBy(s => s.Date!.Value).OrderBy(g => g.Key)
                    .Select(g => new object[] { g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Math.Round(g.First().Value!.Value / t.TargetValue, 4) })
                    .ToList(),
            })
            .Where(s => s.points.Count > 0)
            .ToList();
        return JsonSerializer.Serialize(new
        {
            type = "trends",
            start = startYear is { } first ? $"{first}-01-01" : null,
            end = endYear is { } last ? $"{last}-12-31" : null,
            targetLabel = Ui.L("目标 100%", "Target 100%"),
            series,
        });
    }

    public static bool HasTrends(IEnumerable<ListTargets.TargetDto> targets) =>
        targets.Any(t => t.TargetValue > 0 && t.Period != TargetPeriod.Annual && t.Sources.Any(s => s.Kind != "target" && s.Value is not null));

    public static string Bars(IEnumerable<(string Label, int Value)> bars) =>
        JsonSerializer.Serialize(new { type = "bars", labels = bars.Select(b => b.Label), values = bars.Select(b => b.Value) });
}
