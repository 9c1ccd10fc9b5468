using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>An action plan (行动计划) read from its document: the period it covers and its numeric targets.</summary>
public sealed class ActionPlan
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public string Title { get; set; } = "";

    public int? StartYear { get; set; }

    public int? EndYear { get; set; }

    public List<PlanTarget> Targets { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The year an annual report covers when none is asked for: the plan's last complete year (2025 for a
    /// 2023–2025 plan read in 2026, 2024 when read in 2025); null before the plan's first year has ended.
    /// </summary>
    public static int? LastCompleteYear(int? startYear, int? endYear, int thisYear) =>
        startYear is { } start && Math.Min(endYear ?? thisYear - 1, thisYear - 1) is var last && last >= start ? last : null;

    /// <summary>
    /// The year a report covers: the one asked for, else the last complete year; null — things as they stand
    /// today — when "to date" is asked or the year has not ended yet. The page, the PDF and the .docx all ask here.
    /// </summary>
    public static int? ReportYear(int? asked, bool toDate, int? startYear, int? endYear, int thisYear) =>
        toDate ? null : (asked ?? LastCompleteYear(startYear, endYear, thisYear)) is { } year && year < thisYear ? year : null;
}

/// <summary>
/// One numeric target of a plan: value in the base unit (元 for money), the upper end of a range, the
/// qualifier as written (超/以上/左右), deadline, and whether it is a level, a running total or yearly.
/// </summary>
public sealed class PlanTarget
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Order { get; set; }

    public string Name { get; set; } = "";

    public decimal TargetValue { get; set; }

    public decimal? UpperValue { get; set; }

    public string Unit { get; set; } = "";

    public Qualifier Qualifier { get; set; }

    public int? Deadline { get; set; }

    public TargetPeriod Period { get; set; }

    /// <summary>The figure as written (超过300亿元) and the sentence it stands in, with its position in the document.</summary>
    public string Text { get; set; } = "";

    /// <summary>The figure as the document writes it, kept when an official edits <see cref="Text"/>: reading the text again finds the target by it.</summary>
    public string SourceText { get; set; } = "";

    public string Sentence { get; set; } = "";

    public int SentenceStart { get; set; }

    /// <summary>A computed indicator's spec (<c>tiers:listed,unicorn</c>); null when the target's values are reported.</summary>
    public string? ComputedIndicator { get; set; }

    /// <summary>The plan's task whose text states the target (专栏7-2 for the 15 identifier nodes); null for the 发展目标.</summary>
    public int? TaskId { get; set; }

    /// <summary>Proposed by the extractor (true) until an official confirms or edits it.</summary>
    public bool Proposed { get; set; } = true;

    /// <summary>
    /// Reads a reported figure with its unit (万/亿 parsed once, in the text library). A value in another unit
    /// than the target's, or over a thousand times off it (2300万元 for a 2500亿元 target: almost surely 亿
    /// written as 万), is refused with the reason.
    /// </summary>
    public string? ReadReportedValue(string? text, out Quantity? quantity)
    {
        quantity = null;
        if (string.IsNullOrWhiteSpace(text) || !QuantityParser.TryParse(text, out var parsed))
        {
            return $"无法读取“{text}”：请写数值和单位，如 2300亿元、39家 (value: a figure with its unit)";
        }

        if (parsed.Unit.Length == 0)
        {
            return $"“{text}”没有单位，请写明 {Unit}（如 2300亿元） (value: write the unit)";
        }

        if (parsed.Unit != Unit)
        {
            return $"单位“{parsed.Unit}”与目标单位“{Unit}”不一致 (unit {parsed.Unit} does not match the target's {Unit})";
        }

        if (TargetValue > 0 && (parsed.Value * 1000 < TargetValue || parsed.Value > TargetValue * 1000))
        {
            return $"“{text}”与目标 {Text} 相差千倍以上，请检查万/亿 (value is over 1000× off the target: check 万 and 亿)";
        }

        quantity = parsed;
        return null;
    }
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.ToTable("action_plans");
        b.HasIndex(p => p.DocumentId).IsUnique();
        b.Property(p => p.Title).HasMaxLength(500);
        b.References(CrossFeatureKeys.Document, nameof(ActionPlan.DocumentId), DeleteBehavior.Cascade);
        b.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.ToTable("plan_targets");
        b.HasIndex(t => new { t.PlanId, t.Order }).IsUnique();
        b.Property(t => t.Name).HasMaxLength(300);
        b.Property(t => t.Unit).HasMaxLength(20);
        b.Property(t => t.Qualifier).HasConversion<string>().HasMaxLength(12);
        b.Property(t => t.Period).HasConversion<string>().HasMaxLength(12);
        b.Property(t => t.Text).HasMaxLength(100);
        b.Property(t => t.SourceText).HasMaxLength(100);
        b.Property(t => t.Sentence).HasMaxLength(4000);
        b.Property(t => t.ComputedIndicator).HasMaxLength(200);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(t => t.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}
