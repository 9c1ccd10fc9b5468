using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A responsible unit's progress report on a task for one period (季度). Never edited: filing again for the
/// same task and period adds the next version beside the earlier ones, so nothing is overwritten silently.
/// </summary>
public sealed class TaskReport
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    /// <summary>"2025-Q3".</summary>
    public string Period { get; set; } = "";

    public int Version { get; set; }

    /// <summary>The responsible unit reporting (市工信局).</summary>
    public string Unit { get; set; } = "";

    public string Text { get; set; } = "";

    public List<Guid> Attachments { get; set; } = [];

    public string FiledBy { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }

    /// <summary>Filed after the period's due date.</summary>
    public bool Late { get; set; }
}

/// <summary>An official closed a reporting period: nothing more is filed for it.</summary>
public sealed class ReportingPeriodClosure
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public string Period { get; set; } = "";

    public string ClosedBy { get; set; } = "";

    public DateTimeOffset ClosedAt { get; set; }
}

internal sealed class TaskReportConfiguration : IEntityTypeConfiguration<TaskReport>
{
    public void Configure(EntityTypeBuilder<TaskReport> b)
    {
        b.ToTable("task_reports");
        b.HasIndex(r => new { r.TaskId, r.Period, r.Unit, r.Version }).IsUnique();
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Unit).HasMaxLength(100);
        b.Property(r => r.Text).HasMaxLength(ReportingCalendar.MaxText);
        b.Property(r => r.FiledBy).HasMaxLength(256);
        b.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingPeriodClosureConfiguration : IEntityTypeConfiguration<ReportingPeriodClosure>
{
    public void Configure(EntityTypeBuilder<ReportingPeriodClosure> b)
    {
        b.ToTable("reporting_period_closures");
        b.HasIndex(c => new { c.PlanId, c.Period }).IsUnique();
        b.Property(c => c.Period).HasMaxLength(7);
        b.Property(c => c.ClosedBy).HasMaxLength(256);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
