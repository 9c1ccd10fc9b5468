using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Scenarios;

/// <summary>The stages a demand–vendor pair goes through, in order; <see cref="Dropped"/> ends a pair at any stage before landed.</summary>
[FeatureContract]
public enum DockingStage
{
    Proposed = 0,
    Contacted = 1,
    Docking = 2,
    Negotiating = 3,
#pragma warning disable CA1720 // "signed" is the pipeline's word (签约), not a type name.
    Signed = 4,
#pragma warning restore CA1720
    Landed = 5,
    Demonstration = 6,
    Dropped = 9,
}

/// <summary>
/// The pipeline's rule: a pair moves forward one stage at a time (a scenario cannot land before it is
/// signed, nor be signed before anyone negotiated), may be dropped until it has landed, and never moves back.
/// </summary>
public static class DockingRules
{
    public static IReadOnlyList<DockingStage> Forward { get; } =
        [DockingStage.Proposed, DockingStage.Contacted, DockingStage.Docking, DockingStage.Negotiating, DockingStage.Signed, DockingStage.Landed, DockingStage.Demonstration];

    public static string? WhyNot(DockingStage from, DockingStage to)
    {
        if (from == DockingStage.Dropped)
        {
            return "该对接已终止 (the pair was dropped)";
        }

        if (to == DockingStage.Dropped)
        {
            return from >= DockingStage.Landed ? $"已{Label(from)}的对接不能终止 (a pair that has {from.ToString().ToLowerInvariant()} cannot be dropped)" : null;
        }

        if (to <= from)
        {
            return $"不能从“{Label(from)}”退回或停留在“{Label(to)}” (cannot move from {from} back to {to})";
        }

        return to == from + 1 ? null : $"须先经过“{Label(from + 1)}”才能到“{Label(to)}” (from {from} the next stage is {from + 1}, not {to})";
    }

    /// <summary>The stage after this one, or null when the pair has ended (dropped, or a demonstration project).</summary>
    public static DockingStage? Next(DockingStage stage) => stage is DockingStage.Dropped or DockingStage.Demonstration ? null : stage + 1;

    /// <summary>A step's note as kept: trimmed, at most 2,000 characters, none when blank.</summary>
    public static string? Note(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > 2000 } longNote ? longNote[..2000] : text.Trim();

    public static string Label(DockingStage stage) => stage switch
    {
        DockingStage.Proposed => "推荐",
        DockingStage.Contacted => "已联系",
        DockingStage.Docking => "对接中",
        DockingStage.Negotiating => "洽谈",
        DockingStage.Signed => "签约",
        DockingStage.Landed => "落地",
        DockingStage.Demonstration => "示范项目",
        _ => "终止",
    };
}

/// <summary>One demand–vendor pair in the pipeline, with every step it took.</summary>
public sealed class Docking
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    /// <summary>The vendor; null only for a landed case a source document records without naming who delivered it.</summary>
    public int? EnterpriseId { get; set; }

    /// <summary>The vendor's solution proposed for the demand, when there is one.</summary>
    public int? SolutionId { get; set; }

    public DockingStage Stage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<DockingStep> Steps { get; set; } = [];

    /// <summary>The pair's parties see it whole, with its history: officials, the demand's author and the vendor.</summary>
    public bool IsPartyOf(ScenarioActor? actor, string? demandOwnerId) =>
        actor is not null && (actor.IsOfficial || (demandOwnerId is not null && demandOwnerId == actor.UserId) || (actor.EnterpriseId is not null && actor.EnterpriseId == EnterpriseId));

    /// <summary>Everyone else sees only that a pair landed (the cases are public), never the pairs still being worked on.</summary>
    public bool IsShownTo(ScenarioActor? actor, string? demandOwnerId) =>
        IsPartyOf(actor, demandOwnerId) || Stage is DockingStage.Landed or DockingStage.Demonstration;
}

/// <summary>A move of a pair into a stage: when, by whom, with what note, at which docking event.</summary>
public sealed class DockingStep
{
    public int Id { get; set; }

    public int DockingId { get; set; }

    public DockingStage Stage { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";

    public string? Note { get; set; }

    public int? EventId { get; set; }

    /// <summary>Recorded afterwards from a source document, dated by it: left out of the time-in-stage figures.</summary>
    public bool Recorded { get; set; }
}

/// <summary>A demand or a vendor invited to a docking event.</summary>
public sealed class DockingInvitation
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int? DemandId { get; set; }

    public int? EnterpriseId { get; set; }

    public DateTimeOffset InvitedAt { get; set; }

    public string InvitedBy { get; set; } = "";
}

/// <summary>A figure a source document reports about the scenario work (71 scenario lists, 16 docking events, 34 landed), with its sentence.</summary>
public sealed class ScenarioFigure
{
    public int Id { get; set; }

    /// <summary>lists, events or landed (<see cref="ScenarioFigures"/>).</summary>
    public string Key { get; set; } = "";

    public int Value { get; set; }

    public string Unit { get; set; } = "";

    public DateOnly ObservedOn { get; set; }

    public int? DocumentId { get; set; }

    public string Quote { get; set; } = "";

    public string RecordedBy { get; set; } = "";
}

public static class ScenarioFigures
{
    public const string Lists = "lists";
    public const string Events = "events";
    public const string Landed = "landed";

    public static IReadOnlyList<string> All { get; } = [Lists, Events, Landed];
}

/// <summary>A docking event (对接活动) the office runs: demands and vendors invited, meetings recorded.</summary>
public sealed class DockingEvent
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    public string? Place { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DockingConfiguration : IEntityTypeConfiguration<Docking>, IEntityTypeConfiguration<DockingStep>, IEntityTypeConfiguration<DockingEvent>, IEntityTypeConfiguration<ScenarioFigure>, IEntityTypeConfiguration<DockingInvitation>
{
    public void Configure(EntityTypeBuilder<DockingInvitation> b)
    {
        b.ToTable("docking_invitations");
        b.HasIndex(i => new { i.EventId, i.DemandId, i.EnterpriseId }).IsUnique();
        b.Property(i => i.InvitedBy).HasMaxLength(200);
        b.HasOne<DockingEvent>().WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Demand>().WithMany().HasForeignKey(i => i.DemandId).OnDelete(DeleteBehavior.Restrict);
        b.References(CrossFeatureKeys.Enterprise, nameof(DockingInvitation.EnterpriseId), DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ScenarioFigure> b)
    {
        b.ToTable("scenario_figures");
        b.HasIndex(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(20);
        b.Property(f => f.Unit).HasMaxLength(10);
        b.Property(f => f.Quote).HasMaxLength(2000);
        b.Property(f => f.RecordedBy).HasMaxLength(200);
        b.References(CrossFeatureKeys.Document, nameof(ScenarioFigure.DocumentId), DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Docking> b)
    {
        b.ToTable("dockings");
        b.HasIndex(d => new { d.DemandId, d.EnterpriseId }).IsUnique();
        b.HasIndex(d => d.Stage);
        b.Property(d => d.Stage).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Demand>().WithMany().HasForeignKey(d => d.DemandId).OnDelete(DeleteBehavior.Restrict);
        b.References(CrossFeatureKeys.Enterprise, nameof(Docking.EnterpriseId), DeleteBehavior.Restrict);
        b.HasOne<Solution>().WithMany().HasForeignKey(d => d.SolutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DockingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DockingStep> b)
    {
        b.ToTable("docking_steps");
        b.Property(s => s.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.By).HasMaxLength(200);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasOne<DockingEvent>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DockingEvent> b)
    {
        b.ToTable("docking_events");
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.CreatedBy).HasMaxLength(200);
    }
}
