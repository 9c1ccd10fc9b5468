namespace InnoCluster.Features.Calculator;

public enum Eligibility
{
    Eligible,
    PossiblyEligible,
    NotEligible,
}

/// <summary>One condition's answer for one enterprise, with the value that decided it.</summary>
public sealed record ConditionResult(Condition Condition, string Description, Truth Truth, string? FieldKey, string? FieldLabel, string? EnterpriseValue, string? Flag);

/// <summary>One clause for one enterprise: the verdict, the conditions behind it, and what is missing.</summary>
public sealed record ClauseResult(
    Eligibility Eligibility,
    IReadOnlyList<ConditionResult> Conditions,
    decimal? EstimatedMaximum)
{
    /// <summary>Fields to fill for an unknown to become an answer (flagged conditions need a person instead).</summary>
    public IEnumerable<ConditionResult> Missing => Conditions.Where(c => c.Truth == Truth.Unknown);

    public IEnumerable<ConditionResult> Failed => Conditions.Where(c => c.Truth == Truth.False);
}

/// <summary>
/// A clause compiled for repeated evaluation: its conditions become closures over the profile, so the
/// all-pairs run (1,000 clauses × 100,000 firms) does no parsing or allocation per pair.
/// </summary>
public sealed class CompiledClause
{
    private readonly Func<EnterpriseProfile, Truth>[] _tests;

    public CompiledClause(int id, ClauseTerms terms)
    {
        Id = id;
        Terms = terms;
        _tests = [.. terms.Conditions.Select(ConditionRules.Compile)];
    }

    public int Id { get; }

    public ClauseTerms Terms { get; }

    /// <summary>The verdict alone, stopping at the first false condition.</summary>
    public Truth Verdict(EnterpriseProfile profile)
    {
        var result = Truth.True;
        foreach (var test in _tests)
        {
            var truth = test(profile);
            if (truth == Truth.False)
            {
                return Truth.False;
            }

            result = result.And(truth);
        }

        return result;
    }

    /// <summary>How many conditions fail and how many are unknown (for "one condition away").</summary>
    public (int Failed, int Unknown) Count(EnterpriseProfile profile)
    {
        var (failed, unknown) = (0, 0);
        foreach (var test in _tests)
        {
            switch (test(profile))
            {
                case Truth.False:
                    failed++;
                    break;
                case Truth.Unknown:
                    unknown++;
                    break;
            }
        }

        return (failed, unknown);
    }

    /// <summary>Every condition's answer, worded for the reader.</summary>
    public ClauseResult Evaluate(EnterpriseProfile profile, ConditionWording wording)
    {
        var results = new List<ConditionResult>(_tests.Length);
        for (var i = 0; i < _tests.Length; i++)
        {
            var condition = Terms.Conditions[i];
            var field = condition.IsStructured ? ConditionFields.Find(condition.Field) : null;
            results.Add(new ConditionResult(
                condition,
                wording.Describe(condition),
                _tests[i](profile),
                field?.Key,
                field is null ? null : wording.Field(field),
                field is null ? null : wording.EnterpriseValue(field, profile),
                condition.Flag));
        }

        var verdict = results.Aggregate(Truth.True, (all, r) => all.And(r.Truth));
        var eligibility = verdict switch
        {
            Truth.True => Eligibility.Eligible,
            Truth.Unknown => Eligibility.PossiblyEligible,
            _ => Eligibility.NotEligible,
        };
        return new ClauseResult(eligibility, results, Terms.EstimateMaximum(profile));
    }
}
