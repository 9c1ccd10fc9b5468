using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Features.Registry;

/// <summary>The records a <see cref="RecordCount"/> names on a day, as queries: counted by the indicators, listed where a figure links.</summary>
internal static class RecordFilters
{
    public static IQueryable<ProductCertification> Certifications(InnoClusterDbContext db, RecordCount count, DateOnly day, bool undatedCounts)
    {
        var kinds = count.Types.Select(t => RecordRequestChecks.Parsed<CertificationKind>(t, RecordWords.Key)).ToList();
        var certified = db.Set<ProductCertification>().Where(EnterpriseRecord.HeldOn<ProductCertification>(day, undatedCounts)).Where(c => kinds.Contains(c.Kind));
        if (count.MinLevel is { } min)
        {
            var levels = LevelsFrom(RecordRequestChecks.Parsed<TierLevel>(min, RecordWords.Key));
            certified = certified.Where(c => levels.Contains(c.Level));
        }

        return certified;
    }

    public static IQueryable<Filing> Filings(InnoClusterDbContext db, RecordCount count, DateOnly day, bool undatedCounts)
    {
        var kinds = count.Types.Select(t => RecordRequestChecks.Parsed<FilingKind>(t, RecordWords.Key)).ToList();
        return db.Set<Filing>().Where(EnterpriseRecord.HeldOn<Filing>(day, undatedCounts)).Where(f => kinds.Contains(f.Kind));
    }

    public static IQueryable<FinancingRecord> Financing(InnoClusterDbContext db, RecordCount count, DateOnly day, bool undatedCounts)
    {
        var events = db.Set<FinancingRecord>().Where(EnterpriseRecord.HeldOn<FinancingRecord>(day, undatedCounts));
        if (!count.Types.Contains(RecordCount.AnyRole))
        {
            var rounds = count.Types.Select(t => RecordRequestChecks.Parsed<FinancingRound>(t, RecordWords.Key)).ToList();
            events = events.Where(f => rounds.Contains(f.Round));
        }

        return events;
    }

    public static IQueryable<StandardRecord> Standards(InnoClusterDbContext db, RecordCount count, DateOnly day, bool undatedCounts)
    {
        var standards = db.Set<StandardRecord>().Where(EnterpriseRecord.HeldOn<StandardRecord>(day, undatedCounts));
        if (!count.Types.Contains(RecordCount.AnyRole))
        {
            var roles = count.Types.Select(t => RecordRequestChecks.Parsed<StandardRole>(t, RecordWords.Key)).ToList();
            standards = standards.Where(s => roles.Contains(s.Role));
        }

        if (count.MinLevel is { } min)
        {
            var floor = RecordRequestChecks.Parsed<StandardLevel>(min, RecordWords.Key);
            var levels = Enum.GetValues<StandardLevel>().Where(l => l <= floor).ToList();
            standards = standards.Where(s => levels.Contains(s.Level));
        }

        return standards;
    }

    /// <summary>The levels at <paramref name="min"/> or higher (global, national, provincial …), as stored values to match.</summary>
    public static List<TierLevel> LevelsFrom(TierLevel min) => [.. Enum.GetValues<TierLevel>().Where(l => RecordWords.AtLeast(l, min))];
}
