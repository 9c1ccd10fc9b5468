using System.Linq.Expressions;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The office's view of the desk over a period (requests received in it, Beijing dates): volume, on-time
/// first answers and resolutions, satisfaction and what is overdue now — by theme, by 板块 and by lead unit —
/// and the themes many firms raise (recurring: at least <see cref="RecurringFirms"/> firms), and how often the
/// classifier's suggestion matched the desk's theme. Counted by the database in grouped queries over one index
/// that holds every column they read.
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

    private sealed record Bucket<TKey>(TKey Key, int Requests, int Firms, int Responded, int RespondedOnTime, int Resolved, int ResolvedOnTime, int Rated, int Satisfied, int BasicallySatisfied, int Dissatisfied);

    private sealed record Overdue<TKey>(TKey Key, int Count);

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
        var received = db.Set<Appeal>().AsNoTracking().Where(a => a.ReceivedAt >= start && a.ReceivedAt < end);
        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Id);

        var byTheme = await RowsAsync(received, a => a.Theme, now, key => key ?? "", key => key ?? Infrastructure.Web.Ui.L("未分类", "unclassified"), cancellationToken);
        var byDistrict = await RowsAsync(received, a => a.DistrictId, now, key => key is { } id && districts.TryGetValue(id, out var d) ? d.Code : "",
            key => key is { } id && districts.TryGetValue(id, out var d) ? Infrastructure.Web.Ui.L(d.Name, d.NameEn) : Infrastructure.Web.Ui.L("板块未知", "district unknown"), cancellationToken);
        var byUnit = await RowsAsync(received, a => a.LeadUnit, now, key => key ?? "", key => key ?? Infrastructure.Web.Ui.L("未交办", "not assigned"), cancellationToken);
        var total = Sum(byUnit, await received.Select(a => a.EnterpriseId).Distinct().CountAsync(cancellationToken));
        var compared = received.Where(a => a.SuggestedTheme != null && a.Theme != null);
        var suggestions = new Classifier(await compared.CountAsync(cancellationToken), await compared.CountAsync(a => a.SuggestedTheme == a.Theme, cancellationToken));
        return new Result(from, to, total, byTheme, byDistrict, byUnit,
            [.. byTheme.Where(r => r.Key.Length > 0 && r.Firms >= RecurringFirms).OrderByDescending(r => r.Firms).ThenByDescending(r => r.Requests)], suggestions);
    }

    private static async Task<List<Row>> RowsAsync<TKey>(
        IQueryable<Appeal> received, Expression<Func<Appeal, TKey>> key, DateTimeOffset now, Func<TKey, string> code, Func<TKey, string> label, CancellationToken cancellationToken)
    {
        var buckets = await received.GroupBy(key).Select(g => new Bucket<TKey>(
            g.Key,
            g.Count(),
            g.Select(a => a.EnterpriseId).Distinct().Count(),
            g.Count(a => a.FirstResponseAt != null),
            g.Count(a => a.FirstResponseAt != null && a.FirstResponseAt <= a.FirstResponseDueAt),
            g.Count(a => a.ResolvedAt != null),
            g.Count(a => a.ResolvedAt != null && a.ResolvedAt <= a.ResolveDueAt),
            g.Count(a => a.Rating != null),
            g.Count(a => a.Rating == Satisfaction.Satisfied),
            g.Count(a => a.Rating == Satisfaction.BasicallySatisfied),
            g.Count(a => a.Rating == Satisfaction.Dissatisfied))).ToListAsync(cancellationToken);
        var overdue = (await received.Where(Appeal.OverdueAt(now)).GroupBy(key).Select(g => new Overdue<TKey>(g.Key, g.Count())).ToListAsync(cancellationToken))
            .ToDictionary(o => code(o.Key), o => o.Count);
        return [.. buckets.Select(b => new Row(code(b.Key), label(b.Key), b.Requests, b.Firms, b.Responded, b.RespondedOnTime, b.Resolved, b.ResolvedOnTime, b.Rated, b.Satisfied, b.BasicallySatisfied, b.Dissatisfied, overdue.GetValueOrDefault(code(b.Key))))
            .OrderByDescending(r => r.Requests).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static Row Sum(IReadOnlyList<Row> rows, int firms) => new(
        "", Infrastructure.Web.Ui.L("合计", "Total"), rows.Sum(r => r.Requests), firms, rows.Sum(r => r.Responded), rows.Sum(r => r.RespondedOnTime), rows.Sum(r => r.Resolved),
        rows.Sum(r => r.ResolvedOnTime), rows.Sum(r => r.Rated), rows.Sum(r => r.Satisfied), rows.Sum(r => r.BasicallySatisfied), rows.Sum(r => r.Dissatisfied), rows.Sum(r => r.OverdueNow));
}
