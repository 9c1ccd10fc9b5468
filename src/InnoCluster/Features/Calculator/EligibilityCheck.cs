using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Calculator;

/// <summary>A condition as another feature writes it: the calculator's field, operator and value, or the words as written.</summary>
[FeatureContract]
public sealed record EligibilityCondition(string? Field, string? Operator, string? Value, string? Text = null, string? Flag = null);

/// <summary>One condition's answer for one firm, worded for the reader: true, false or unknown (null), and the firm's value beside it.</summary>
[FeatureContract]
public sealed record EligibilityReason(string Condition, bool? Holds, string? FirmValue, bool NeedsPersonCheck);

/// <summary>A firm against a set of conditions: eligible (true), not (false) or not yet known (null), with every reason.</summary>
[FeatureContract]
public sealed record EligibilityAnswer(bool? Eligible, IReadOnlyList<EligibilityReason> Reasons)
{
    public IEnumerable<EligibilityReason> Failed => Reasons.Where(r => r.Holds == false);

    public IEnumerable<EligibilityReason> Open => Reasons.Where(r => r.Holds is null);
}

/// <summary>
/// The calculator's conditions, lent to other features (a call's eligibility is written with them): one
/// checking of the words, one evaluation and one wording, so a firm reads the same reason on a call as in
/// the calculator.
/// </summary>
[FeatureContract]
public sealed class EligibilityCheck(ProfileLoader profiles, ConditionWordings wordings, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The fields a condition may name: the key to write, its name in the reader's language, and its operators.</summary>
    public static IReadOnlyList<(string Key, string Name, IReadOnlyList<string> Operators)> Fields(bool english) =>
        [.. ConditionFields.All.Select(f => (f.Key, english ? f.English : f.Chinese, f.Operators))];

    /// <summary>The conditions as they are stored: known fields normalised, anything else kept as written with its flag.</summary>
    public static IReadOnlyList<EligibilityCondition> Normalise(IEnumerable<EligibilityCondition> conditions) =>
        [.. conditions.Select(c => ConditionRules.Check(new Condition(c.Field, c.Operator, c.Value, c.Text, c.Flag))).Select(c => new EligibilityCondition(c.Field, c.Operator, c.Value, c.Text, c.Flag))];

    /// <summary>Each condition in the reader's words.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(IReadOnlyList<EligibilityCondition> conditions, CancellationToken cancellationToken)
    {
        var wording = await wordings.ForReaderAsync(cancellationToken);
        return [.. conditions.Select(c => wording.Describe(ToCondition(c)))];
    }

    /// <summary>One firm's answer today; null when the firm is not in the registry.</summary>
    /// <param name="publicRecordOnly">As the public self-check sees the firm: its own figures (revenue, R&amp;D, staff) left out, so conditions on them stay open.</param>
    public async Task<EligibilityAnswer?> CheckAsync(int enterpriseId, IReadOnlyList<EligibilityCondition> conditions, CancellationToken cancellationToken, bool publicRecordOnly = false)
    {
        if (await profiles.OneAsync(enterpriseId, Today, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var profile = publicRecordOnly ? EnterpriseProfile.From(loaded.Sheet with { Figures = [] }, Today) : loaded.Profile;
        var result = Compile(conditions).Evaluate(profile, await wordings.ForReaderAsync(cancellationToken));
        return new EligibilityAnswer(
            result.Eligibility switch { Eligibility.Eligible => true, Eligibility.NotEligible => false, _ => null },
            [.. result.Conditions.Select(c => new EligibilityReason(c.Description, c.Truth switch { Truth.True => true, Truth.False => false, _ => null }, c.EnterpriseValue, c.Flag is not null))]);
    }

    /// <summary>For one firm, whether it meets every condition of each set (false also when a fact is missing); null when the firm is not registered.</summary>
    public async Task<IReadOnlyList<bool>?> MeetsEachAsync(int enterpriseId, IReadOnlyList<IReadOnlyList<EligibilityCondition>> sets, CancellationToken cancellationToken)
    {
        if (await profiles.OneAsync(enterpriseId, Today, cancellationToken) is not { } loaded)
        {
            return null;
        }

        return [.. sets.Select(set => Compile(set).Verdict(loaded.Profile) == Truth.True)];
    }

    /// <summary>Every registered firm the conditions do not rule out: eligible, or possibly (a fact is missing), for telling them before they apply.</summary>
    public async Task<IReadOnlyList<(int EnterpriseId, bool Certain)>> FirmsNotRuledOutAsync(IReadOnlyList<EligibilityCondition> conditions, CancellationToken cancellationToken)
    {
        var compiled = Compile(conditions);
        var firms = new List<(int, bool)>();
        foreach (var profile in await profiles.AllAsync(Today, cancellationToken))
        {
            switch (compiled.Verdict(profile))
            {
                case Truth.True:
                    firms.Add((profile.EnterpriseId, true));
                    break;
                case Truth.Unknown:
                    firms.Add((profile.EnterpriseId, false));
                    break;
            }
        }

        return firms;
    }

    private static Condition ToCondition(EligibilityCondition c) => new(c.Field, c.Operator, c.Value, c.Text, c.Flag);

    private static CompiledClause Compile(IReadOnlyList<EligibilityCondition> conditions) =>
        new(0, new ClauseTerms("", null, [], [.. conditions.Select(ToCondition)], null, null, null, null, ClauseStatus.Confirmed));
}
