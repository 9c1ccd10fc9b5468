using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>Withdraws a clause (DELETE): it leaves the calculator from now on; its history stays.</summary>
public sealed class WithdrawClause(InnoClusterDbContext db, TimeProvider clock)
{
    /// <summary>The clause as it now stands, or null when there is no such clause.</summary>
    public async Task<PolicyClause?> RunAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var clause = await db.Set<PolicyClause>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clause is null || clause.Status == ClauseStatus.Withdrawn)
        {
            return clause;
        }

        clause.Revise(clause.Terms with { Status = ClauseStatus.Withdrawn }, ClauseEditor.Of(user), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return clause;
    }
}

/// <summary>Who a revision names: the editor's e-mail, else their name; the extractor's proposals say so.</summary>
public static class ClauseEditor
{
    private const string MachinePrefix = "machine-read:";

    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user";

    /// <summary>The extractor's revision, run by <paramref name="official"/>.</summary>
    public static string Extractor(string official) => MachinePrefix + official;

    /// <summary>Whether a revision was the extractor's (proposals seeded before the prefix existed name "seed").</summary>
    public static bool IsExtractor(string? editor) => editor is not null && (editor.StartsWith(MachinePrefix, StringComparison.Ordinal) || editor == "seed");
}
