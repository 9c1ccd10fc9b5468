using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// 政策找企业: a confirmed clause in force is matched against every firm's record, and the firms that meet every
/// condition are told (a firm for which a fact is missing is not: it sees the clause as possibly eligible in its
/// workspace, without a notice). A firm whose record changed is matched against every clause in force.
/// </summary>
public sealed class ClausePushSource(InnoClusterDbContext db, ProfileLoader profiles, PolicyCalculator calculator) : IPushSource
{
    public string Topic => "clause";

    public async Task<IReadOnlyList<(int EnterpriseId, Notice Notice)>> NoticesAsync(int id, CancellationToken cancellationToken)
    {
        var clause = await db.Set<PolicyClause>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clause is null || clause.Terms.Status != ClauseStatus.Confirmed || !clause.Terms.IsValidOn(calculator.Today))
        {
            return [];
        }

        var compiled = new CompiledClause(clause.Id, clause.Terms);
        var notice = NoticeOf(clause.Id, clause.Terms.Title, clause.Terms.NoApplication);
        return [.. (await profiles.AllAsync(calculator.Today, cancellationToken)).Where(p => compiled.Verdict(p) == Truth.True).Select(p => (p.EnterpriseId, notice))];
    }

    public async Task<IReadOnlyList<Notice>> NoticesForFirmAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        if (await profiles.OneAsync(enterpriseId, calculator.Today, cancellationToken) is not { } loaded)
        {
            return [];
        }

        return [.. (await calculator.ClausesOnAsync(calculator.Today, cancellationToken))
            .Where(c => c.Clause.Verdict(loaded.Profile) == Truth.True)
            .Select(c => NoticeOf(c.Clause.Id, c.Clause.Terms.Title, c.Clause.Terms.NoApplication))];
    }

    /// <summary>A 免申即享 clause is urgent: the firm is told at once that it receives the support without applying.</summary>
    private static Notice NoticeOf(int clauseId, string title, bool noApplication) => noApplication
        ? new Notice($"clause:{clauseId}", NoticeKind.Policy, $"免申即享：贵企业符合「{title}」", $"No application needed: your firm qualifies for “{title}”", $"/clauses/{clauseId}",
            "按登记库中的企业信息，贵企业符合本条全部条件，无需申请 / on the registry's record your firm meets every condition; no application is needed", Urgent: true)
        : new Notice($"clause:{clauseId}", NoticeKind.Policy, $"贵企业符合政策条款「{title}」", $"Your firm qualifies for the clause “{title}”", $"/clauses/{clauseId}",
            "按登记库中的企业信息，贵企业符合本条全部条件 / on the registry's record your firm meets every condition");
}
