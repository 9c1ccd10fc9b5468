using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// The records behind a computed figure (<c>certifications:first-edition-software/provincial</c>): each held one
/// today with its firm and source, so a person can check the count row by row. Public: only confirmed records.
/// </summary>
public sealed class ListCountedRecords(InnoClusterDbContext db, TimeProvider clock)
{
    public const int Limit = 1000;

    public sealed record Row(int EnterpriseId, string EnterpriseName, RecordView Record);

    public sealed record Result(RecordCount Count, IReadOnlyList<Row> Rows, bool Truncated);

    public async Task<Result?> RunAsync(string? spec, CancellationToken cancellationToken)
    {
        if (!RecordCount.TryParseSpec(spec, out var count))
        {
            return null;
        }

        var today = BeijingTime.Today(clock);
        var records = count.Kind switch
        {
            RecordKind.Certifications => await Take(RecordFilters.Certifications(db, count, today, true), cancellationToken),
            RecordKind.Filings => await Take(RecordFilters.Filings(db, count, today, true), cancellationToken),
            RecordKind.Financing => await Take(RecordFilters.Financing(db, count, today, true), cancellationToken),
            _ => await Take(RecordFilters.Standards(db, count, today, true), cancellationToken),
        };
        var ids = records.Select(r => r.EnterpriseId).Distinct().ToList();
        var names = await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var rows = records.Take(Limit)
            .Select(r => new Row(r.EnterpriseId, names.GetValueOrDefault(r.EnterpriseId, ""), RecordView.Of(r, today, withEditor: false)))
            .OrderByDescending(r => r.Record.Year ?? 0).ThenBy(r => r.EnterpriseName, InnoCluster.Text.PinyinOrder.Comparer).ThenBy(r => r.Record.Id)
            .ToList();
        return new Result(count, rows, records.Count > Limit);
    }

    private static async Task<List<EnterpriseRecord>> Take<T>(IQueryable<T> query, CancellationToken cancellationToken)
        where T : EnterpriseRecord =>
        [.. await query.AsNoTracking().OrderBy(r => r.Id).Take(Limit + 1).ToListAsync(cancellationToken)];
}
