using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// "Which support can this enterprise get, and why": every confirmed clause valid on the date, evaluated
/// against the enterprise's registry facts, grouped into eligible / possibly eligible (which fields are
/// missing) / not eligible (which condition fails), each group sorted by the most it can bring.
/// For a past date the clauses are read as they stood then (their revisions), and the firm's tiers and
/// figures as of that year.
/// </summary>
public sealed class PolicyCalculator(InnoClusterDbContext db, ProfileLoader profiles, ClauseCache cache, TimeProvider clock, Registry.IRegistryDirectory registry, IDocumentLibrary documents, ConditionWordings wordings)
{
    public sealed record ConditionView(string Description, Truth Truth, string? Field, string? FieldLabel, string? EnterpriseValue, string? Flag, string? FlagText);

    public sealed record ClauseView(
        int ClauseId,
        string Title,
        SupportMethod Method,
        string MethodLabel,
        string Support,
        decimal? EstimatedMaximum,
        bool Undetermined,
        int? DocumentId,
        string? DocumentTitle,
        string? SourceQuote,
        DateOnly? ValidTo,
        string? ResponsibleUnit,
        Eligibility Eligibility,
        IReadOnlyList<ConditionView> Conditions,
        IReadOnlyList<string> MissingFields,
        IReadOnlyList<string> FailedConditions);

    public sealed record Result(
        int EnterpriseId,
        string EnterpriseName,
        DateOnly AsOf,
        int? FiguresYear,
        IReadOnlyList<ClauseView> Eligible,
        IReadOnlyList<ClauseView> PossiblyEligible,
        IReadOnlyList<ClauseView> NotEligible,
        int NotEligibleTotal,
        decimal EligibleMaximumTotal);

    /// <summary>Not-eligible clauses listed by default (the most valuable first); ask for all with <c>all=true</c>.</summary>
    public const int NotEligibleShown = 100;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<bool> EnterpriseExistsAsync(int enterpriseId, CancellationToken cancellationToken) => registry.EnterpriseExistsAsync(enterpriseId, cancellationToken);

    public async Task<Result?> RunAsync(int enterpriseId, DateOnly? asOf, CancellationToken cancellationToken, bool allNotEligible = false)
    {
        var date = asOf ?? Today;
        if (await profiles.OneAsync(enterpriseId, date, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var clauses = await ClausesOnAsync(date, cancellationToken);
        // Not-eligible clauses carry only the conditions that fail (the "why"), keeping the answer small.
        var wording = await wordings.ForReaderAsync(cancellationToken);
        var views = clauses.Select(c => View(c.Clause, c.Meta, c.Clause.Evaluate(loaded.Profile, wording), wording, brief: true)).ToList();
        static List<ClauseView> Sorted(IEnumerable<ClauseView> items) =>
            [.. items.OrderByDescending(v => v.EstimatedMaximum ?? -1).ThenBy(v => v.Title, StringComparer.Ordinal)];
        var eligible = Sorted(views.Where(v => v.Eligibility == Eligibility.Eligible));
        var notEligible = Sorted(views.Where(v => v.Eligibility == Eligibility.NotEligible));
        return new Result(
            enterpriseId,
            loaded.Sheet.Name,
            date,
            loaded.Profile.FiguresYear,
            eligible,
            Sorted(views.Where(v => v.Eligibility == Eligibility.PossiblyEligible)),
            allNotEligible ? notEligible : [.. notEligible.Take(NotEligibleShown)],
            notEligible.Count,
            eligible.Sum(v => v.EstimatedMaximum ?? 0));
    }

    public sealed record ClauseMeta(int? DocumentId, string? DocumentTitle, string? SourceQuote);

    /// <summary>
    /// The confirmed clauses in force on a date: today from the clause table (and not from a document now
    /// marked expired); a past date from the revision each clause had then.
    /// </summary>
    public async Task<IReadOnlyList<(CompiledClause Clause, ClauseMeta Meta)>> ClausesOnAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // Only the documents clauses come from: a library of thousands of expired laws is not read per request.
        var sources = await db.Set<PolicyClause>().Where(c => c.DocumentId != null).Select(c => c.DocumentId!.Value).Distinct().ToListAsync(cancellationToken);
        var expiredDocuments = await documents.ExpiredAsync(sources, cancellationToken);
        var result = new List<(CompiledClause, ClauseMeta)>();
        if (date >= Today)
        {
            foreach (var (clause, clauseMeta) in await cache.ConfirmedAsync(db, cancellationToken))
            {
                if (clause.Terms.IsValidOn(date) && (clauseMeta.DocumentId is null || !expiredDocuments.Contains(clauseMeta.DocumentId.Value)))
                {
                    result.Add((clause, clauseMeta));
                }
            }

            return result;
        }

        var endOfDay = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.GetLocalNow().Offset);
        var meta = await db.Set<PolicyClause>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => new ClauseMeta(c.DocumentId, c.DocumentTitle, c.SourceQuote), cancellationToken);
        var revisions = await db.Set<ClauseRevision>().AsNoTracking().ToListAsync(cancellationToken);
        foreach (var revision in revisions.Where(r => r.RecordedAt < endOfDay).GroupBy(r => r.ClauseId).Select(g => g.MaxBy(r => r.Number)!))
        {
            var terms = revision.ReadTerms();
            if (terms.Status == ClauseStatus.Confirmed && terms.IsValidOn(date))
            {
                result.Add((new CompiledClause(revision.ClauseId, terms), meta[revision.ClauseId]));
            }
        }

        return result;
    }

    public static ClauseView View(CompiledClause clause, ClauseMeta meta, ClauseResult result, ConditionWording wording, bool brief = false) => new(
        clause.Id,
        clause.Terms.Title,
        clause.Terms.Method,
        wording.Method(clause.Terms.Method),
        clause.Terms.DescribeSupport(wording.English),
        result.EstimatedMaximum,
        clause.Terms.Undetermined,
        meta.DocumentId,
        meta.DocumentTitle,
        brief && result.Eligibility == Eligibility.NotEligible ? null : meta.SourceQuote,
        clause.Terms.ValidTo,
        clause.Terms.ResponsibleUnit,
        result.Eligibility,
        [.. result.Conditions.Where(c => !brief || result.Eligibility != Eligibility.NotEligible || c.Truth == Truth.False).Select(c => new ConditionView(c.Description, c.Truth, c.FieldKey, c.FieldLabel, c.EnterpriseValue, c.Flag, c.Flag is null ? null : wording.Flag(c.Flag)))],
        [.. result.Missing.Where(c => c.FieldKey is not null).Select(c => c.FieldKey!).Distinct()],
        [.. result.Failed.Select(c => c.Description)]);
}

/// <summary>
/// The confirmed clauses, compiled, kept until any clause changes (every change appends a revision, so the
/// highest revision id is the cache key). One small query per request instead of reading and compiling
/// every clause.
/// </summary>
public sealed class ClauseCache
{
    private volatile Entry? _entry;

    private sealed record Entry(string Key, IReadOnlyList<(CompiledClause Clause, PolicyCalculator.ClauseMeta Meta)> Clauses);

    public async Task<IReadOnlyList<(CompiledClause Clause, PolicyCalculator.ClauseMeta Meta)>> ConfirmedAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.Set<ClauseRevision>().MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
        // The database's identity too: tests and benchmarks run several databases in one process.
        var key = $"{db.Database.GetConnectionString()}#{latest}";
        if (_entry is { } entry && entry.Key == key)
        {
            return entry.Clauses;
        }

        var clauses = await db.Set<PolicyClause>().AsNoTracking().Where(c => c.Status == ClauseStatus.Confirmed).ToListAsync(cancellationToken);
        var compiled = clauses.Select(c => (new CompiledClause(c.Id, c.Terms), new PolicyCalculator.ClauseMeta(c.DocumentId, c.DocumentTitle, c.SourceQuote))).ToList();
        _entry = new Entry(key, compiled);
        return compiled;
    }
}
