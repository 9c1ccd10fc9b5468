using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// "My policies" for a firm's workspace: the clauses it is eligible for, those it may be (with the facts it has
/// not given), and those it just missed (one condition fails, none unknown — with that condition); the full
/// answer is the calculator's page.
/// </summary>
[FeatureContract]
public sealed class FirmPolicies(PolicyCalculator calculator)
{
    public sealed record Clause(int ClauseId, string Title, string Support, decimal? EstimatedMaximum, DateOnly? ValidTo, IReadOnlyList<string> Facts);

    /// <summary>The clauses by answer; <see cref="MissingFacts"/> are the fields whose absence leaves clauses open, most useful first.</summary>
    public sealed record Answer(int EnterpriseId, string EnterpriseName, DateOnly AsOf, IReadOnlyList<Clause> Eligible, IReadOnlyList<Clause> PossiblyEligible, IReadOnlyList<Clause> JustMissed, IReadOnlyList<string> MissingFacts, decimal EligibleMaximumTotal);

    public async Task<Answer?> RunAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        if (await calculator.RunAsync(enterpriseId, null, cancellationToken, allNotEligible: true) is not { } result)
        {
            return null;
        }

        static Clause Of(PolicyCalculator.ClauseView v, IReadOnlyList<string> facts) => new(v.ClauseId, v.Title, v.Support, v.EstimatedMaximum, v.ValidTo, facts);
        var missing = result.PossiblyEligible.SelectMany(v => v.Conditions.Where(c => c.Truth == Truth.Unknown && c.FieldLabel is not null).Select(c => c.FieldLabel!).Distinct())
            .GroupBy(label => label).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        return new Answer(
            result.EnterpriseId,
            result.EnterpriseName,
            result.AsOf,
            [.. result.Eligible.Select(v => Of(v, []))],
            [.. result.PossiblyEligible.Select(v => Of(v, [.. v.Conditions.Where(c => c.Truth == Truth.Unknown).Select(c => c.FieldLabel ?? c.Description).Distinct()]))],
            [.. result.NotEligible.Where(v => v.FailedConditions.Count == 1 && v.MissingFields.Count == 0).Select(v => Of(v, v.FailedConditions))],
            missing,
            result.EligibleMaximumTotal);
    }
}
