using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>Lists and reads clauses. The public sees confirmed and withdrawn clauses; officials see proposals too.</summary>
public sealed class ClauseQueries(InnoClusterDbContext db, ConditionWordings wordings)
{
    public sealed record ConditionDto(string? Field, string? Operator, string? Value, string? Text, string? Flag, string Description, string Line, string? FlagText = null);

    /// <summary>One support item; <see cref="Text"/> as a person reads it ("最高1亿元项目资助").</summary>
    public sealed record SupportItemDto(
        SupportMethod Method,
        string MethodLabel,
        string Text,
        string? Label,
        string? Beneficiary,
        decimal? Amount,
        decimal? Cap,
        decimal? Minimum,
        decimal? RatePercent,
        string? RateBase,
        string? AmountText,
        bool Undetermined);

    public sealed record ClauseDto(
        int Id,
        string Title,
        string? Beneficiary,
        SupportMethod Method,
        string MethodLabel,
        string Support,
        IReadOnlyList<SupportItemDto> Items,
        bool Undetermined,
        IReadOnlyList<ConditionDto> Conditions,
        DateOnly? ValidFrom,
        DateOnly? ValidTo,
        string? HowToApply,
        string? ResponsibleUnit,
        ClauseStatus Status,
        int? DocumentId,
        string? DocumentTitle,
        string? SourceQuote,
        int? SourceStart,
        int? SourceLength,
        int Revision,
        DateTimeOffset UpdatedAt,
        bool NoApplication);

    public async Task<IReadOnlyList<ClauseDto>> ListAsync(string? q, int? documentId, string? status, bool official, CancellationToken cancellationToken)
    {
        var query = db.Set<PolicyClause>().AsNoTracking();
        query = official ? query : query.Where(c => c.Status != ClauseStatus.Proposed);
        if (documentId is { } d)
        {
            query = query.Where(c => c.DocumentId == d);
        }

        if (Enum.TryParse<ClauseStatus>(status, ignoreCase: true, out var wanted) && (official || wanted != ClauseStatus.Proposed))
        {
            query = query.Where(c => c.Status == wanted);
        }

        var clauses = await query.OrderBy(c => c.DocumentId).ThenBy(c => c.SourceStart).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        // Clauses number in the thousands at most: filtered in memory.
        var filter = new WordFilter(q);
        if (!filter.IsEmpty)
        {
            clauses = [.. clauses.Where(c => filter.Matches($"{c.Title} {c.SourceQuote} {c.DocumentTitle} {c.Beneficiary} {c.Terms.DescribeSupport()} {SupportTerms.Chinese(c.Method)}"))];
        }

        var wording = await wordings.ForReaderAsync(cancellationToken);
        return [.. clauses.Select(c => ToDto(c, wording))];
    }

    /// <summary>How many clauses wait for an official's confirmation (they are not public until then).</summary>
    public Task<int> ProposedCountAsync(CancellationToken cancellationToken) =>
        db.Set<PolicyClause>().CountAsync(c => c.Status == ClauseStatus.Proposed, cancellationToken);

    public async Task<ClauseDto?> GetAsync(int id, bool official, CancellationToken cancellationToken)
    {
        var clause = await db.Set<PolicyClause>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return clause is null || (!official && clause.Status == ClauseStatus.Proposed) ? null : ToDto(clause, await wordings.ForReaderAsync(cancellationToken));
    }

    public static ClauseDto ToDto(PolicyClause c, ConditionWording wording)
    {
        var terms = c.Terms;
        return new ClauseDto(
            c.Id,
            c.Title,
            c.Beneficiary,
            c.Method,
            wording.Method(c.Method),
            terms.DescribeSupport(wording.English),
            [.. terms.Support.Select(s => new SupportItemDto(s.Method, wording.Method(s.Method), s.Describe(wording.English), s.Label, s.Beneficiary, s.Amount, s.Cap, s.Minimum, s.RatePercent, s.RateBase, s.AmountText, s.Undetermined))],
            terms.Undetermined,
            [.. terms.Conditions.Select(x => new ConditionDto(x.Field, x.Operator, x.Value, x.Text, x.Flag, wording.Describe(x), ConditionRules.ToLine(x), x.Flag is null ? null : wording.Flag(x.Flag)))],
            c.ValidFrom,
            c.ValidTo,
            c.HowToApply,
            c.ResponsibleUnit,
            c.Status,
            c.DocumentId,
            c.DocumentTitle,
            c.SourceQuote,
            c.SourceStart,
            c.SourceLength,
            c.Revision,
            c.UpdatedAt,
            c.NoApplication);
    }
}
