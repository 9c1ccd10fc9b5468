using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A scenario owner writes a demand: saved as a draft for an official to review; one whose words are nearly
/// those of an earlier demand is stored and flagged for an official, never merged.
/// </summary>
public sealed class CreateDemand(InnoClusterDbContext db, TimeProvider clock, ISearchDialect search, DemandIndex demandIndex, DemandFields fields)
{
    /// <summary>Key-term overlap (Jaccard) at or above which a new demand is flagged as a possible duplicate.</summary>
    public const double DuplicateSimilarity = 0.8;

    public async Task<Result<Authored>> RunAsync(DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = new Demand { OwnerUserId = actor.UserId, Status = DemandStatus.Draft, CreatedAt = clock.GetUtcNow() };
        var errors = await fields.ApplyAsync(demand, input, actor, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        // Shown on the public page: where the demand came from, not who typed it (the owner is on record for officials).
        demand.Source = new Provenance { Kind = ProvenanceKind.Manual, Source = "平台用户提交 / entered on the platform", SourceDate = DateOnly.FromDateTime(demand.CreatedAt.UtcDateTime) };
        demand.PossibleDuplicateOfId = await SimilarDemandAsync(demand, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(demand);
        await db.SaveChangesAsync(cancellationToken);
        await demandIndex.IndexAsync(db, [demand], cancellationToken, areNew: true);
        await transaction.CommitAsync(cancellationToken);
        return new Authored(demand.Id, await VisibleToAsync(demand.PossibleDuplicateOfId, actor, cancellationToken));
    }

    /// <summary>The earlier demand's id when the author may see it (published, their own, or an official): another owner's draft stays unnamed.</summary>
    private async Task<int?> VisibleToAsync(int? demandId, ScenarioActor actor, CancellationToken cancellationToken) =>
        demandId is { } id && await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } earlier && earlier.IsVisibleTo(actor)
            ? demandId
            : null;

    /// <summary>The earlier demand whose key words are nearly the same as this one's, if any.</summary>
    private async Task<int?> SimilarDemandAsync(Demand demand, CancellationToken cancellationToken)
    {
        var terms = ScenarioMatcher.KeyTerms(demand.Title + "\n" + demand.Problem);
        if (terms.Count == 0)
        {
            return null;
        }

        var query = terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(24).ToList();
        var ids = await search.MatchAny(db, SearchIndex.Demands, query).OrderByDescending(m => m.Rank).Select(m => m.Id).Take(10).ToListAsync(cancellationToken);
        var earlier = await db.Set<Demand>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.Problem }).ToListAsync(cancellationToken);
        return earlier
            .Select(e => (e.Id, Similarity: Jaccard(terms, ScenarioMatcher.KeyTerms(e.Title + "\n" + e.Problem))))
            .Where(e => e.Similarity >= DuplicateSimilarity)
            .OrderByDescending(e => e.Similarity).ThenBy(e => e.Id)
            .Select(e => (int?)e.Id).FirstOrDefault();
    }

    internal static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / union;
    }
}
