using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>The calls a reader may see, open ones first (soonest close first), then upcoming, then the rest by year.</summary>
public sealed class ListCalls(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Item(int Id, string Title, CallKind Kind, string KindLabel, CallProgramme Programme, string ProgrammeLabel, string? Level, int? Year, int? Batch,
        string? ResponsibleUnit, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string? ClosesAtBeijing, CallStatus Status, CallPhase Phase, int Applications);

    public async Task<IReadOnlyList<Item>> RunAsync(CallProgramme? programme, int? year, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calls = db.Set<Call>().AsNoTracking();
        if (!actor.IsOfficial)
        {
            calls = calls.Where(c => c.Status != CallStatus.Draft && c.Status != CallStatus.Cancelled);
        }

        if (programme is { } p)
        {
            calls = calls.Where(c => c.Programme == p);
        }

        if (year is { } y)
        {
            calls = calls.Where(c => c.Year == y);
        }

        var list = await calls.ToListAsync(cancellationToken);
        var ids = list.Select(c => c.Id).ToList();
        var counts = await db.Set<CallApplication>().Where(a => ids.Contains(a.CallId) && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
            .GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. list
            .Select(c => new Item(c.Id, c.Title, c.Kind, CallWords.Kind(c.Kind, Ui.English), c.Programme, CallWords.Programme(c.Programme, Ui.English), c.Level, c.Year, c.Batch,
                c.ResponsibleUnit, c.OpensAt, c.ClosesAt, c.ClosesAt is { } closes ? CallTime.Written(closes) : null, c.Status, c.PhaseAt(now), counts.GetValueOrDefault(c.Id)))
            .OrderBy(i => i.Phase switch { CallPhase.Open => 0, CallPhase.Upcoming => 1, CallPhase.Draft => 2, _ => 3 })
            .ThenBy(i => i.Phase is CallPhase.Open or CallPhase.Upcoming ? i.ClosesAt : null)
            .ThenByDescending(i => i.Year).ThenByDescending(i => i.Id)];
    }
}
