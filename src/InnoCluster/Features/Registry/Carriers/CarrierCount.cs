using System.Text.RegularExpressions;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>
/// What a <c>carriers:</c> indicator counts: carriers of the named kinds (<c>key-laboratory,engineering-research-centre</c>)
/// at a level or higher (<c>/provincial</c>), built or recognised by the day and not closed by then; with <c>+2023</c>, only those
/// first built or recognised in 2023 or later (a plan's 新增: what is new since it began).
/// </summary>
[FeatureContract]
public sealed partial record CarrierCount(IReadOnlyList<CarrierKind> Kinds, TierLevel? MinLevel, int? NewSince = null)
{
    public const string Prefix = "carriers:";

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordStart();

    /// <summary>The API's name of a kind: "key-laboratory".</summary>
    public static string Key(CarrierKind kind) => WordStart().Replace(kind.ToString(), "-").ToLowerInvariant();

    public static bool TryParseSpec(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CarrierCount? count)
    {
        count = null;
        if (spec is null || !spec.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = spec[Prefix.Length..];
        int? since = null;
        if (body.IndexOf('+', StringComparison.Ordinal) is var plus and >= 0)
        {
            if (!int.TryParse(body[(plus + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 1980 or > 2100)
            {
                return false;
            }

            (since, body) = (year, body[..plus]);
        }

        TierLevel? level = null;
        if (body.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            if (!RecordWords.TryParse<TierLevel>(body[(slash + 1)..].Trim(), RecordWords.Key, out var parsed) || parsed == TierLevel.Unspecified)
            {
                return false;
            }

            (level, body) = (parsed, body[..slash]);
        }

        var kinds = new List<CarrierKind>();
        foreach (var key in body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.GetValues<CarrierKind>().FirstOrDefault(k => Key(k) == key) is var kind && Key(kind) != key)
            {
                return false;
            }

            kinds.Add(kind);
        }

        count = kinds.Count > 0 ? new CarrierCount([.. kinds.Distinct()], level, since) : null;
        return count is not null;
    }

    public string Spec => Prefix + string.Join(',', Kinds.Select(Key)) + (MinLevel is { } level ? "/" + RecordWords.Key(level) : "")
        + (NewSince is { } since ? "+" + since.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public (string Chinese, string English) Describe() =>
        ($"{(NewSince is { } since ? $"{since}年以来新" : "已")}建成或认定的{(MinLevel is { } level ? TierNames.Chinese(level) + "及以上" : "")}{string.Join("或", Kinds.Select(k => ListCarriers.KindName(k, false)))}数量（未撤销）",
         $"{string.Join(" or ", Kinds.Select(k => ListCarriers.KindName(k, true)))}s {(NewSince is { } sinceEn ? $"first built or recognised in {sinceEn} or later" : "built or recognised")}{(MinLevel is { } levelEn ? $", {TierNames.English(levelEn)} level or higher" : "")} (not closed)");
}
