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

        var rows = result.Eligible.Select(c => Row(c, "符合")).Concat(result.OneConditionAway.Select(c => Row(c, "差一项"))).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { ["企业ID"] = null, ["企业名称"] = null, ["结果"] = null, ["预计最高支持(元)"] = null, ["不满足的条件"] = null });
        }

        await Spreadsheet.SaveAsync(output, rows, cancellationToken, "条款" + clauseId);
        return result.Eligible.Count + result.OneConditionAway.Count;
    }

    private static Dictionary<string, object?> Row(Candidate c, string verdict) => new()
    {
        ["企业ID"] = c.EnterpriseId,
        ["企业名称"] = c.Name,
        ["结果"] = verdict,
        ["预计最高支持(元)"] = c.EstimatedMaximum,
        ["不满足的条件"] = string.Join("；", c.FailedConditions),
    };
}
