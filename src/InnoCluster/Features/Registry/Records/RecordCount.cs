using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>
/// What an indicator counts among a kind of record, as its spec says after the kind: <c>first-edition-software/provincial</c>
/// (certified products, at the level or higher), <c>algorithm,large-model</c> (filings), <c>lead/national</c> or
/// <c>any</c> (standards led, or led or joined, at the level or higher), <c>any</c> or <c>a,b</c> (financing events of those rounds;
/// <c>any/amount</c>: their stated amounts summed, in 元). Parsed and described here, where the keys live.
/// </summary>
[FeatureContract]
public sealed record RecordCount(RecordKind Kind, IReadOnlyList<string> Types, string? MinLevel)
{
    public const string AnyRole = "any";

    /// <summary>After a financing spec's rounds: sum the amounts instead of counting the events.</summary>
    public const string AmountSum = "amount";

    /// <summary>元 in the 万元 financing amounts are kept in.</summary>
    private const decimal YuanPerWan = 10_000m;

    /// <summary>Whether the count is a sum of money in 元 (financing amounts), not a number of records.</summary>
    public bool SumsAmount => Kind == RecordKind.Financing && MinLevel == AmountSum;

    /// <summary>A financing sum in 万元 as the indicator reads it, in 元.</summary>
    public static decimal Yuan(decimal wan) => wan * YuanPerWan;

    /// <summary>The kinds counted this way, and the prefix each spec starts with ("certifications:").</summary>
    public static IReadOnlyList<RecordKind> Counted { get; } = [RecordKind.Certifications, RecordKind.Filings, RecordKind.Standards, RecordKind.Financing];

    public static string Prefix(RecordKind kind) => kind.ToString().ToLowerInvariant() + ":";

    /// <summary>A whole spec ("standards:lead/national"); false when it is not one of these kinds' or any part is unknown.</summary>
    public static bool TryParseSpec(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecordCount? count)
    {
        count = null;
        return spec is not null && Counted.FirstOrDefault(k => spec.StartsWith(Prefix(k), StringComparison.Ordinal)) is var kind
            && spec.StartsWith(Prefix(kind), StringComparison.Ordinal) && TryParse(kind, spec[Prefix(kind).Length..], out count);
    }

    /// <summary>Whether the spec is meant for one of these kinds (it starts with one of their prefixes), valid or not.</summary>
    public static bool Names(string spec) => Counted.Any(k => spec.StartsWith(Prefix(k), StringComparison.Ordinal));

    public string Spec => Prefix(Kind) + Body;

    public static bool TryParse(RecordKind kind, string body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecordCount? count)
    {
        count = null;
        var (typesPart, level) = body.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? (body[..slash], body[(slash + 1)..].Trim()) : (body, null);
        var types = typesPart.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var valid = types.Count > 0 && kind switch
        {
            RecordKind.Certifications => types.All(t => RecordWords.TryParse<CertificationKind>(t, RecordWords.Key, out _)) && (level is null || ParsesTierLevel(level)),
            RecordKind.Filings => types.All(t => RecordWords.TryParse<FilingKind>(t, RecordWords.Key, out _)) && level is null,
            RecordKind.Financing => (types is [AnyRole] || types.All(t => RecordWords.TryParse<FinancingRound>(t, RecordWords.Key, out _))) && level is null or AmountSum,
            RecordKind.Standards => types.All(t => t == AnyRole || RecordWords.TryParse<StandardRole>(t, RecordWords.Key, out _))
                && (level is null || RecordWords.TryParse<StandardLevel>(level, RecordWords.Key, out _)),
            _ => false,
        };
        count = valid ? new RecordCount(kind, types, level) : null;
        return valid;
    }

    private static bool ParsesTierLevel(string level) => RecordWords.TryParse<TierLevel>(level, RecordWords.Key, out var parsed) && parsed != TierLevel.Unspecified;

    /// <summary>The spec's part after the kind's prefix.</summary>
    public string Body => string.Join(',', Types) + (MinLevel is null ? "" : "/" + MinLevel);

    /// <summary>What is counted, in both languages.</summary>
    public (string Chinese, string English) Describe()
    {
        switch (Kind)
        {
            case RecordKind.Certifications:
                var kinds = Types.Select(t => RecordWords.TryParse<CertificationKind>(t, RecordWords.Key, out var k) ? k : default).ToList();
                var level = MinLevel is null ? null : RecordWords.TryParse<TierLevel>(MinLevel, RecordWords.Key, out var l) ? l : (TierLevel?)null;
                return ($"登记库中{(level is { } lv ? TierNames.Chinese(lv) + "及以上" : "")}{string.Join("或", kinds.Select(k => RecordWords.Name(k, false)))}的产品数（有效认定）",
                    $"Registered products certified as {string.Join(" or ", kinds.Select(k => RecordWords.Name(k, true)))}{(level is { } lve ? $" at {TierNames.English(lve)} level or higher" : "")} (valid certifications)");
            case RecordKind.Filings:
                var filings = Types.Select(t => RecordWords.TryParse<FilingKind>(t, RecordWords.Key, out var f) ? f : default).ToList();
                return ($"登记库中{string.Join("或", filings.Select(f => RecordWords.Name(f, false)))}的数量", $"Registered {string.Join(" or ", filings.Select(f => RecordWords.Name(f, true)))}s");
            case RecordKind.Financing:
                var rounds = Types.Contains(AnyRole) ? null : Types.Select(t => RecordWords.TryParse<FinancingRound>(t, RecordWords.Key, out var r) ? r : default).ToList();
                var (roundsZh, roundsEn) = rounds is null ? ("", "") : (string.Join("或", rounds.Select(r => RecordWords.Name(r, false))), " (" + string.Join(" or ", rounds.Select(r => RecordWords.Name(r, true))) + ")");
                return SumsAmount
                    ? ($"登记库企业{roundsZh}融资事件载明的金额合计（未载明金额的不计）", $"Amounts stated for registered firms' financing events{roundsEn}, summed (events without a stated amount add nothing)")
                    : ($"登记库企业{roundsZh}融资事件数", $"Financing events of registered firms{roundsEn}");
            default:
                var led = !Types.Contains(AnyRole) && Types.All(t => t == RecordWords.Key(StandardRole.Lead));
                var standardLevel = MinLevel is null ? null : RecordWords.TryParse<StandardLevel>(MinLevel, RecordWords.Key, out var s) ? s : (StandardLevel?)null;
                return ($"登记库企业{(led ? "牵头" : "牵头或参与")}制定的{(standardLevel is { } sl ? RecordWords.Name(sl, false) + "及以上" : "")}标准数（按标准编号）",
                    $"Standards {(led ? "led" : "led or joined")} by registered firms{(standardLevel is { } sle ? $", {RecordWords.Name(sle, true)} or higher" : "")} (by standard number)");
        }
    }
}
