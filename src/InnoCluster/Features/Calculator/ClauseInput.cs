namespace InnoCluster.Features.Calculator;

/// <summary>One condition as an editor writes it: a field, an operator and a value, or free text.</summary>
public sealed record ConditionInput(string? Field, string? Operator, string? Value, string? Text);

/// <summary>One support item as an editor writes it (amounts in 元).</summary>
public sealed record SupportItemInput(
    string? Method,
    decimal? Amount,
    decimal? Cap,
    decimal? Minimum,
    decimal? RatePercent,
    string? RateBase,
    string? AmountText,
    bool? Undetermined,
    string? Label,
    string? Beneficiary)
{
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Method) && Amount is null && Cap is null && Minimum is null && RatePercent is null
        && string.IsNullOrWhiteSpace(RateBase) && string.IsNullOrWhiteSpace(AmountText) && Undetermined != true
        && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Beneficiary);
}

/// <summary>
/// What an editor sends. <see cref="Items"/> replaces the clause's support items; the flat method/amount
/// fields are the shorthand for a clause with one item (and may not be sent together with items).
/// Fields not listed here (ownerId, revision, createdAt …) are not bound.
/// </summary>
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
    string? SourceQuote,
    IReadOnlyList<SupportItemInput>? Items = null,
    bool? NoApplication = null)
{
    /// <summary>Whether the flat shorthand says anything about the support.</summary>
    public bool HasShorthandSupport =>
        Method is not null || Amount is not null || Cap is not null || Minimum is not null || RatePercent is not null || AmountText is not null || Undetermined is not null || RateBase is not null;

    public SupportItemInput Shorthand => new(Method, Amount, Cap, Minimum, RatePercent, RateBase, AmountText, Undetermined, null, null);
}
