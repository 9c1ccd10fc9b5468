using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// Enterprise profiles for the calculator, from the registry's fact sheets: one enterprise, or every
/// enterprise (for the "who qualifies" lists and the all-pairs run).
/// </summary>
public sealed class ProfileLoader(EnterpriseFactSheets sheets)
{
    public async Task<(EnterpriseFactSheet Sheet, EnterpriseProfile Profile)?> OneAsync(int enterpriseId, DateOnly asOf, CancellationToken cancellationToken) =>
        await sheets.OneAsync(enterpriseId, cancellationToken) is { } sheet ? (sheet, EnterpriseProfile.From(sheet, asOf)) : null;

    public async Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        [.. (await sheets.AllAsync(asOf.Year, cancellationToken)).Select(sheet => EnterpriseProfile.From(sheet, asOf))];
}
