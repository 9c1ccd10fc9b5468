namespace InnoCluster.Features.Calls;

/// <summary>
/// Scores into a ranking. Each expert's totals are also normalised against that expert's own scores in the
/// call (z = (score − the expert's mean) / the expert's standard deviation), so a strict and a lenient expert
/// count alike; the raw mean stays beside it. Scores further apart than the call's threshold are flagged for
/// the panel, whose score (with its reason) then stands for the application.
/// </summary>
public static class Ranking
{
    public sealed record Score(int ApplicationId, int ExpertId, decimal Total);

    public sealed record Row(int ApplicationId, int Scored, decimal? RawMean, double? ZMean, decimal? Spread, bool Divergent, decimal? PanelScore, decimal? Final, int? Rank);

    /// <summary>An expert with fewer scores than this in the call has no spread to normalise by; their z is 0 (their mean).</summary>
    public const int ScoresToNormalise = 2;

    public static IReadOnlyList<Row> Rank(IReadOnlyList<int> applicationIds, IReadOnlyList<Score> scores, IReadOnlyDictionary<int, decimal> panelScores, decimal divergenceThreshold)
    {
        var z = new Dictionary<(int, int), double>();
        foreach (var expert in scores.GroupBy(s => s.ExpertId))
        {
            var totals = expert.Select(s => (double)s.Total).ToList();
            var mean = totals.Average();
            var sd = totals.Count >= ScoresToNormalise ? Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / (totals.Count - 1)) : 0;
            foreach (var s in expert)
            {
                z[(s.ApplicationId, s.ExpertId)] = sd > 0 ? ((double)s.Total - mean) / sd : 0;
            }
        }

        var byApplication = scores.ToLookup(s => s.ApplicationId);
        var rows = applicationIds.Select(id =>
        {
            var mine = byApplication[id].ToList();
            decimal? panel = panelScores.TryGetValue(id, out var value) ? value : null;
            if (mine.Count == 0)
            {
                return new Row(id, 0, null, null, null, false, panel, null, null);
            }

            var raw = Math.Round(mine.Average(s => s.Total), 2);
            var spread = mine.Max(s => s.Total) - mine.Min(s => s.Total);
            return new Row(id, mine.Count, raw, Math.Round(mine.Average(s => z[(s.ApplicationId, s.ExpertId)]), 3), spread, spread > divergenceThreshold, panel, panel ?? raw, null);
        }).ToList();

        var ranked = rows.Where(r => r.Final is not null).OrderByDescending(r => r.Final).ThenByDescending(r => r.ZMean).ThenBy(r => r.ApplicationId)
            .Select((r, i) => r with { Rank = i + 1 });
        return [.. ranked, .. rows.Where(r => r.Final is null).OrderBy(r => r.ApplicationId)];
    }
}
