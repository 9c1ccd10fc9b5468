using InnoCluster.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Scenarios;

public enum DemandStatus
{
    /// <summary>Imported or written, not yet reviewed: visible to officials only.</summary>
    Draft = 0,

    /// <summary>Reviewed and published by an official: public.</summary>
    Published = 1,

    /// <summary>No longer open (answered, withdrawn or expired).</summary>
    Closed = 2,
}

/// <summary>
/// A scenario demand (场景需求 / 技术需求): a problem an owner wants solved, in its own words. Imported
/// demands keep their source's id, so importing the same file again changes nothing.
/// </summary>
public sealed class Demand
{
    public int Id { get; set; }

    /// <summary>The id the source gives the demand (a UUID in the CCF technology-demand file); unique per source.</summary>
    public string? ExternalId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The problem as the owner wrote it; line breaks kept.</summary>
    public string Problem { get; set; } = "";

    /// <summary>AI+制造, AI+医疗, 低空经济 … (the sectors of 004 专栏4); null until an official assigns one.</summary>
    public string? Sector { get; set; }

    public DemandStatus Status { get; set; }

    /// <summary>What the owner says a solution must be able to do (机器视觉, 路径规划 …); matched against solutions'.</summary>
    public List<string> Capabilities { get; set; } = [];

    /// <summary>Where the scenario is (the registry's district), when the owner says.</summary>
    public int? DistrictId { get; set; }

    /// <summary>The budget as written ("50-100万", "面议"); <see cref="BudgetMin"/>/<see cref="BudgetMax"/> in 元 when it reads as a range or amount.</summary>
    public string? BudgetText { get; set; }

    public decimal? BudgetMin { get; set; }

    public decimal? BudgetMax { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>Who to contact; shown to a vendor only after the owner accepts its contact request.</summary>
    public string? Contact { get; set; }

    /// <summary>The numbered scenario list (场景清单) it was published in, e.g. "2025年第3批"; null when published alone.</summary>
    public string? ListName { get; set; }

    /// <summary>That list's record (its number and issue date).</summary>
    public int? ListId { get; set; }

    /// <summary>Who has the scenario (a hospital, a port …) when that is not an account here, e.g. a case from a source document.</summary>
    public string? OwnerName { get; set; }

    /// <summary>Files the owner attached (drawings, specifications): ids of its checked uploads.</summary>
    public List<Guid> Attachments { get; set; } = [];

    /// <summary>The account that wrote the demand (null for imported ones, which officials manage).</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>An earlier demand whose text is nearly the same: flagged for an official, never merged.</summary>
    public int? PossibleDuplicateOfId { get; set; }

    /// <summary>Who may read it: anyone once published; before that its owner and officials.</summary>
    public bool IsVisibleTo(ScenarioActor? reader) =>
        Status == DemandStatus.Published || reader?.IsOfficial == true || (OwnerUserId is not null && OwnerUserId == reader?.UserId);

    /// <summary>Whether the actor is the account that wrote it.</summary>
    public bool IsOwnedBy(ScenarioActor? actor) => OwnerUserId is not null && OwnerUserId == actor?.UserId;

    /// <summary>Who may edit it: its author and officials.</summary>
    public bool MayBeEditedBy(ScenarioActor actor) => actor.IsOfficial || IsOwnedBy(actor);

    public const string OnlyAuthorEdits = "只有需求的发布者或集群办可以修改 (only the demand's author or an official edits it)";

    /// <summary>Where the demand came from: the imported file and its line, or the person who wrote it.</summary>
    public Provenance Source { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("demands");
        b.HasIndex(d => d.ExternalId).IsUnique();
        b.HasIndex(d => d.Status);
        b.Property(d => d.ExternalId).HasMaxLength(100);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Sector).HasMaxLength(50);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.BudgetText).HasMaxLength(100);
        b.Property(d => d.BudgetMin).HasPrecision(18, 2);
        b.Property(d => d.BudgetMax).HasPrecision(18, 2);
        b.Property(d => d.Contact).HasMaxLength(200);
        b.Property(d => d.ListName).HasMaxLength(50);
        b.Property(d => d.OwnerName).HasMaxLength(200);
        b.HasIndex(d => d.ListName);
        b.HasOne<ScenarioList>().WithMany().HasForeignKey(d => d.ListId).OnDelete(DeleteBehavior.SetNull);
        b.Property(d => d.OwnerUserId).HasMaxLength(64);
        b.HasIndex(d => d.OwnerUserId);
        b.OwnsOne(d => d.Source, p => InnoCluster.Infrastructure.ProvenanceMapping.MapProvenance(p, "source"));
    }
}
