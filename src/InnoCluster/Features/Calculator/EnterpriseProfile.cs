using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// What the calculator knows about one enterprise on a given date, read from the registry. Numbers are
/// null when the registry has no figure (→ unknown, never zero). Tiers and filings are the office's own
/// complete lists (认定名单, 备案清单), so an absent tier is a known "no"; the district, age and figures are
/// data an enterprise may simply not have reported yet.
/// </summary>
public sealed class EnterpriseProfile
{
    public int EnterpriseId { get; init; }

    public string Name { get; init; } = "";

    public string? DistrictCode { get; init; }

    /// <summary>Age in whole years on the date, as a range when only the founding year is known.</summary>
    public (double Low, double High)? AgeYears { get; init; }

    /// <summary>The year the figures below are from (the latest year on or before the date).</summary>
    public int? FiguresYear { get; init; }

    public double? Revenue { get; init; }

    public double? RdSpend { get; init; }

    public double? Employees { get; init; }

    public double? RevenueGrowthPercent { get; init; }

    /// <summary>Tiers held by the date, as a bit set over <see cref="Tier"/> values.</summary>
    public ulong Tiers { get; init; }

    /// <summary>Chain node codes (with their segments and layers) the enterprise is placed on.</summary>
    public IReadOnlySet<string> ChainCodes { get; init; } = new HashSet<string>();

    public bool HasAlgorithmFiling { get; init; }

    public bool HasLargeModelFiling { get; init; }

    public bool HasCreditCode { get; init; }

    public double? RdRatioPercent => Revenue is > 0 && RdSpend is { } rd ? Math.Round(rd / Revenue.Value * 100, 4) : null;

    public static ulong TierBit(Tier tier) => 1UL << (int)tier;

    public bool HasTier(Tier tier) => (Tiers & TierBit(tier)) != 0;

    /// <summary>
    /// Reads the profile from the registry's fact sheet. Tiers count from their year (or always, when the
    /// year is unknown); figures are the latest year on or before <paramref name="asOf"/>.
    /// </summary>
    public static EnterpriseProfile From(EnterpriseFactSheet enterprise, DateOnly asOf)
    {
        var figures = enterprise.Figures.Where(f => f.Year <= asOf.Year).OrderByDescending(f => f.Year).ToList();
        var latest = figures.FirstOrDefault(f => f.Revenue is not null || f.RdSpend is not null || f.Employees is not null);
        var previous = latest is null ? null : figures.FirstOrDefault(f => f.Year == latest.Year - 1 && f.Revenue is > 0);
        (double, double)? age = null;
        if (enterprise.EstablishedOn is { } founded)
        {
            var years = asOf.Year - founded.Year - (asOf < founded.AddYears(asOf.Year - founded.Year) ? 1 : 0);
            age = years >= 0 ? (years, years) : null;
        }
        else if (enterprise.EstablishedYear is { } year && year <= asOf.Year)
        {
            // Founded some time in that year: a whole-year age is one of two values.
            age = (Math.Max(0, asOf.Year - year - 1), asOf.Year - year);
        }

        var tiers = 0UL;
        foreach (var tier in enterprise.Tiers.Where(t => t.HeldOn(asOf)))
        {
            tiers |= TierBit(tier.Tier);
        }

        return new EnterpriseProfile
        {
            EnterpriseId = enterprise.Id,
            Name = enterprise.Name,
            DistrictCode = enterprise.DistrictCode,
            AgeYears = age,
            FiguresYear = latest?.Year,
            Revenue = (double?)latest?.Revenue,
            RdSpend = (double?)latest?.RdSpend,
            Employees = latest?.Employees,
            RevenueGrowthPercent = latest?.Revenue is { } now && previous?.Revenue is { } before ? Math.Round((double)((now - before) / before * 100), 2) : null,
            Tiers = tiers,
            ChainCodes = enterprise.ChainCodes,
            HasAlgorithmFiling = enterprise.Filings.Any(f => f.Kind == FilingKind.Algorithm && f.HeldOn(asOf)),
            HasLargeModelFiling = enterprise.Filings.Any(f => f.Kind == FilingKind.LargeModel && f.HeldOn(asOf)),
            HasCreditCode = enterprise.HasCreditCode,
        };
    }
}
