using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>An official pins a candidate to the top of a demand's matches or excludes it; the latest decision stands.</summary>
public sealed class MatchDecisions(InnoClusterDbContext db, TimeProvider clock, Registry.IRegistryDirectory registry)
{
    /// <summary>False when the demand or the candidate ("solution:12", "enterprise:34") does not exist.</summary>
    public async Task<bool> DecideAsync(int demandId, string candidate, MatchDecisionKind decision, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var exists = MatchFinder.Parse(candidate) switch
        {
            { Kind: CandidateKind.Solution, Id: var id } => await db.Set<Solution>().AnyAsync(s => s.Id == id, cancellationToken),
            { Kind: CandidateKind.Enterprise, Id: var id } => await registry.EnterpriseExistsAsync(id, cancellationToken),
            _ => false,
        };
        if (!exists || !await db.Set<Demand>().AnyAsync(d => d.Id == demandId, cancellationToken))
        {
            return false;
        }

        var existing = await db.Set<MatchDecision>().SingleOrDefaultAsync(d => d.DemandId == demandId && d.CandidateKey == candidate, cancellationToken);
        if (existing is null)
        {
            existing = new MatchDecision { DemandId = demandId, CandidateKey = candidate };
            db.Add(existing);
        }

        existing.Decision = decision;
        existing.DecidedBy = actor.Name;
        existing.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes an official's pin or exclusion; false when there was none.</summary>
    public async Task<bool> ClearAsync(int demandId, string kind, int candidateId, CancellationToken cancellationToken)
    {
        var key = kind == "solution" ? MatchCandidateKey.Solution(candidateId) : MatchCandidateKey.Enterprise(candidateId);
        return await db.Set<MatchDecision>().Where(d => d.DemandId == demandId && d.CandidateKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
