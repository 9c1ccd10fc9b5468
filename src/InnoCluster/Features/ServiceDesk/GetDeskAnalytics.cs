using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The office's view of the desk over a period (requests received in it, Beijing dates): volume, on-time
/// first answers and resolutions, satisfaction and what is overdue now — by theme, by 板块 and by lead unit —
/// and the themes many firms raise (recurring: at least <see cref="RecurringFirms"/> firms), and how often
/// the classifier's suggestion matched the desk's theme.
/// </summary>
public sealed class GetDeskAnalytics(InnoClusterDbContext db, IRegistryDirectory registry, TimeProvider clock)
{
    public const int RecurringFirms = 3;

    public sealed record Query(DateOnly? From, DateOnly? To);

    public sealed record Row(string Key, string Label, int Requests, int Firms, int Responded, int RespondedOnTime, int Resolved, int ResolvedOnTime, int Rated, int Satisfied, int BasicallySatisfied, int Dissatisfied, int OverdueNow)
    {
        /// <summary>Share of resolved requests resolved by their deadline; null when none is resolved.</summary>
        public double? ResolvedOnTimeRate => Resolved == 0 ? null : (double)ResolvedOnTime / Resolved;

        public double? RespondedOnTimeRate => Responded == 0 ? null : (double)RespondedOnTime / Responded;

        /// <summary>满意 and 基本满意 among the rated.</summary>
        public double? SatisfactionRate => Rated == 0 ? null : (double)(Satisfied + BasicallySatisfied) / Rated;
    }

    /// <summary>Requests with both the classifier's suggestion and the desk's theme, and how many agree: the classifier measured in use.</summary>
    public sealed record Classifier(int Compared, int Agreed)
    {
        public double? Agreement => Compared == 0 ? null : (double)Agreed / Compared;
    }

    public sealed record Result(DateOnly From, DateOnly To, Row Total, IReadOnlyList<Row> ByTheme, IReadOnlyList<Row> ByDistrict, IReadOnlyList<Row> ByUnit, IReadOnlyList<Row> Recurring, Classifier Suggestions);

    public async Task<Result> RunAsync(Query query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var to = query.To ?? WorkingCalendar.BeijingDay(now);
        var from = query.From ?? to.AddYears(-1).AddDays(1);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        var (start, end) = (WorkingCalendar.EndOf(from.AddDays(-1)), WorkingCalendar.EndOf(to));
        // One pass over the period's requests, reading only the columns the figures need; the figures are
        // counted here, with the request's own rules (overdue now), rather than in seven grouped queries.
        var received = await db.Set<Appeal>().AsNoTracking().Where(a => a.ReceivedAt >= start && a.ReceivedAt < end)
            .Select(a => new Appeal
            {
                Theme = a.Theme, SuggestedTheme = a.SuggestedTheme, DistrictId = a.DistrictId, LeadUnit = a.LeadUnit, EnterpriseId = a.EnterpriseId, Status = a.Status,
                AcceptDueAt = a.AcceptDueAt, FirstResponseAt = a.FirstResponseAt, FirstResponseDueAt = a.FirstResponseDueAt, ResolvedAt = a.ResolvedAt,
                ResolveDueAt = a.ResolveDueAt, Rating = a.Rating,
            })
            .ToListAsync(cancellationToken);
        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Id);
        var unclassified = Infrastructure.Web.Ui.L("未分类", "unclassified");
        var byTheme = Rows(received, a => a.Theme ?? "", a => a.Theme ?? unclassified, now);
        var byDistrict = Rows(received, a => a.DistrictId is { } id && districts.TryGetValue(id, out var d) ? d.Code : "",
            a => a.DistrictId is { } id && districts.TryGetValue(id, out var d) ? Infrastructure.Web.Ui.L(d.Name, d.NameEn) : Infrastructure.Web.Ui.L("板块未知", "district unknown"), now);
        var byUnit = Rows(received, a => a.LeadUnit ?? "", a => a.LeadUnit ?? Infrastructure.Web.Ui.L("未交办", "not assigned"), now);
        var total = Of("", Infrastructure.Web.Ui.L("合计", "Total"), received, now);
        var compared = received.Where(a => a.SuggestedTheme != null && a.Theme != null).ToList();
        return new Result(from, to, total, byTheme, byDistrict, byUnit,
            [.. byTheme.Where(r => r.Key.Length > 0 && r.Firms >= RecurringFirms).OrderByDescending(r => r.Firms).ThenByDescending(r => r.Requests)],
            new Classifier(compared.Count, compared.Count(a => a.SuggestedTheme == a.Theme)));
    }

    private static List<Row> Rows(List<Appeal> received, Func<Appeal, string> key, Func<Appeal, string> label, DateTimeOffset now) =>
        [.. received.GroupBy(key, StringComparer.Ordinal).Select(g => Of(g.Key, label(g.First()), [.. g], now))
            .OrderByDescending(r => r.Requests).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static Row Of(string key, string label, List<Appeal> requests, DateTimeOffset now) => new(
        key,
        label,
        requests.Count,
        requests.Select(a => a.EnterpriseId).Distinct().Count(),
        requests.Count(a => a.FirstResponseAt != null),
        requests.Count(a => a.FirstResponseAt <= a.FirstResponseDueAt),
        requests.Count(a => a.ResolvedAt != null),
        requests.Count(a => a.ResolvedAt <= a.ResolveDueAt),
        requests.Count(a => a.Rating != null),
        requests.Count(a => a.Rating == Satisfaction.Satisfied),
        requests.Count(a => a.Rating == Satisfaction.BasicallySatisfied),
        requests.Count(a => a.Rating == Satisfaction.Dissatisfied),
        requests.Count(a => a.IsOverdue(now)));
}
