namespace InnoCluster.Features.Calculator;

/// <summary>One condition as an editor writes it: a field, an operator and a value, or free text.</summary>
public sealed record ConditionInput(string? Field, string? Operator, string? Value, string? Text);

/// <summary>What an editor sends. Fields not listed here (ownerId, revision, createdAt …) are not bound.</summary>
public sealed record ClauseInput(
    string? Title,
    string? Beneficiary,
    string? Method,
    decimal? Amount,
    decimal? Cap,
    decimal? Minimum,
    decimal? RatePercent,
    string? RateBase,
    string? AmountText,
    bool? Undetermined,
    IReadOnlyList<ConditionInput>? Conditions,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? HowToApply,
    string? ResponsibleUnit,
    string? Status,
    int? DocumentId,
    string? SourceQuote);
