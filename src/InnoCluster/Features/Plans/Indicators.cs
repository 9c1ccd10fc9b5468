using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A reported value of a target's indicator: what a document or a responsible unit says it stood at on a
/// date, with the sentence it comes from. Never edited: a correction is a newer observation.
/// </summary>
public sealed class IndicatorObservation
{
    public int Id { get; set; }

    public int TargetId { get; set; }

    public DateOnly ObservedOn { get; set; }

    public decimal Value { get; set; }

    public Qualifier Qualifier { get; set; }

    public int? DocumentId { get; set; }

    /// <summary>The exact sentence(s) the value comes from.</summary>
    public string? Quote { get; set; }

    /// <summary>How the value was read from the quote (e.g. "上市企业32家 + 全球独角兽企业7家").</summary>
    public string? Note { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class IndicatorObservationConfiguration : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        b.ToTable("indicator_observations");
        b.HasIndex(o => new { o.TargetId, o.ObservedOn });
        b.Property(o => o.Qualifier).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.Quote).HasMaxLength(4000);
        b.Property(o => o.Note).HasMaxLength(1000);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
        b.HasOne<PlanTarget>().WithMany().HasForeignKey(o => o.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Documents.Document>().WithMany().HasForeignKey(o => o.DocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// Indicators computed live from the registry, named by a spec an official picks: <c>tiers:listed,unicorn</c>
/// counts the enterprises holding any of those tiers. Only specs listed here exist; nothing runs free SQL.
/// </summary>
public static class ComputedIndicators
{
    public static bool TryParse(string? spec, out Tier[] tiers)
    {
        tiers = [];
        if (spec is null || !spec.StartsWith("tiers:", StringComparison.Ordinal))
        {
            return false;
        }

        var parsed = new List<Tier>();
        foreach (var key in spec["tiers:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TierNames.TryParseKey(key, out var tier))
            {
                return false;
            }

            parsed.Add(tier);
        }

        tiers = [.. parsed.Distinct()];
        return tiers.Length > 0;
    }

    public static string Describe(Tier[] tiers) => "登记库中" + string.Join("或", tiers.Select(TierNames.Chinese)) + "的企业数";

    public static async Task<decimal> ValueAsync(InnoClusterDbContext db, Tier[] tiers, CancellationToken cancellationToken) =>
        await db.Set<EnterpriseTier>().Where(t => tiers.Contains(t.Tier)).Select(t => t.EnterpriseId).Distinct().CountAsync(cancellationToken);
}

public enum TargetStatus
{
    NoData,
    Met,
    OnTrack,
    AtRisk,
    Behind,
}

/// <summary>
/// The status rule, stated once: a target is met when the latest value satisfies it (a "左右" target at 95 %);
/// otherwise progress (latest ÷ target) is compared with the share of the plan's time gone by the latest
/// value's date — at least that share: on track; at least 80 % of it: at risk; less, or past the deadline:
/// behind. Annual targets compare the latest year's value with the yearly figure.
/// </summary>
public static class TargetStatusRule
{
    public static TargetStatus Evaluate(decimal target, decimal? upper, Qualifier qualifier, TargetPeriod period, int? startYear, int? deadline, decimal? latest, DateOnly? latestOn, DateOnly today)
    {
        if (latest is not { } value || latestOn is not { } on)
        {
            return TargetStatus.NoData;
        }

        var met = qualifier switch
        {
            Qualifier.MoreThan => value > target,
            Qualifier.About or Qualifier.Nearly => value >= target * 0.95m,
            Qualifier.LessThan => value < target,
            Qualifier.AtMost => value <= target,
            _ => value >= target,
        };
        if (met)
        {
            return TargetStatus.Met;
        }

        if (qualifier is Qualifier.LessThan or Qualifier.AtMost)
        {
            // A ceiling not yet got under: judged only at the deadline.
            return deadline is { } end && today.Year > end ? TargetStatus.Behind : TargetStatus.AtRisk;
        }

        if (deadline is { } last && today.Year > last)
        {
            return TargetStatus.Behind;
        }

        if (period == TargetPeriod.Annual || startYear is not { } first || deadline is not { } due || due < first || target <= 0)
        {
            return value >= target * 0.8m ? TargetStatus.AtRisk : TargetStatus.Behind;
        }

        // Share of the plan's years gone by the observation (a plan 2023-2025 runs three years: the end of 2024 is 2/3).
        var elapsed = Math.Clamp((on.Year - first + (on.DayOfYear / 366m)) / (due - first + 1), 0m, 1m);
        var progress = value / target;
        return progress >= elapsed ? TargetStatus.OnTrack : progress >= elapsed * 0.8m ? TargetStatus.AtRisk : TargetStatus.Behind;
    }

    public static string Chinese(TargetStatus status) => status switch
    {
        TargetStatus.Met => "已完成",
        TargetStatus.OnTrack => "进度正常",
        TargetStatus.AtRisk => "存在风险",
        TargetStatus.Behind => "滞后",
        _ => "暂无数据",
    };
}
