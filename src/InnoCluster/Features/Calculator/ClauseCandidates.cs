using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// For one clause, every enterprise that qualifies (免申即享 candidates), those one condition away (one
/// condition fails, none unknown), and how many are possibly eligible for want of data.
/// </summary>
public sealed class ClauseCandidates(InnoClusterDbContext db, ProfileLoader profiles, PolicyCalculator calculator, ConditionWordings wordings)
{
    public sealed record Candidate(int EnterpriseId, string Name, decimal? EstimatedMaximum, IReadOnlyList<string> FailedConditions, IReadOnlyList<string> MissingFields);

    public sealed record Result(int ClauseId, string Title, int Enterprises, IReadOnlyList<Candidate> Eligible, IReadOnlyList<Candidate> OneConditionAway, int PossiblyEligible);

    public async Task<Result?> RunAsync(int clauseId, CancellationToken cancellationToken)
    {
        var clause = await db.Set<PolicyClause>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == clauseId, cancellationToken);
        if (clause is null)
        {
            return null;
        }

        var compiled = new CompiledClause(clause.Id, clause.Terms);
        var wording = await wordings.ForReaderAsync(cancellationToken);
        var all = await profiles.AllAsync(calculator.Today, cancellationToken);
        var eligible = new List<Candidate>();
        var away = new List<Candidate>();
        var possibly = 0;
        foreach (var profile in all)
        {
            var (failed, unknown) = compiled.Count(profile);
            if (failed == 0 && unknown == 0)
            {
                eligible.Add(new Candidate(profile.EnterpriseId, profile.Name, compiled.Terms.EstimateMaximum(profile), [], []));
            }
            else if (failed == 1 && unknown == 0)
            {
                var result = compiled.Evaluate(profile, wording);
                away.Add(new Candidate(profile.EnterpriseId, profile.Name, result.EstimatedMaximum, [.. result.Failed.Select(c => wording.WithValue(c.Description, c.EnterpriseValue))], []));
            }
            else if (failed == 0)
            {
                possibly++;
            }
        }

        return new Result(clause.Id, clause.Title, all.Count, eligible, away, possibly);
    }

    public async Task<int?> ExportAsync(int clauseId, Stream output, CancellationToken cancellationToken)
    {
        if (await RunAsync(clauseId, cancellationToken) is not { } result)
        {
            return null;
        }

        var rows = result.Eligible.Select(c => Row(c, Ui.L("符合", "Eligible"))).Concat(result.OneConditionAway.Select(c => Row(c, Ui.L("差一项", "One condition away")))).ToList();
        if (rows.Count == 0)
        {
            rows.Add(Row(null, null));
        }

        await Spreadsheet.SaveAsync(output, rows, cancellationToken, Ui.L("条款", "Clause ") + clauseId);
        return result.Eligible.Count + result.OneConditionAway.Count;
    }

    /// <summary>One firm's row; with no firm, the empty row that keeps the headings of an empty list.</summary>
    private static Dictionary<string, object?> Row(Candidate? c, string? verdict) => new()
    {
        [Ui.L("企业ID", "Enterprise ID")] = c?.EnterpriseId,
        [Ui.L("企业名称", "Enterprise")] = c?.Name,
        [Ui.L("结果", "Result")] = verdict,
        [Ui.L("预计最高支持(元)", "Estimated maximum (CNY)")] = c?.EstimatedMaximum,
        [Ui.L("不满足的条件", "Conditions not met")] = c is null ? null : string.Join(Ui.L("；", "; "), c.FailedConditions),
    };
}
