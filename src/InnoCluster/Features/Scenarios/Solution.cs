using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// What a vendor (an enterprise in the registry) offers: what it does, the capabilities and chain nodes
/// it covers, the sectors it serves, reference cases and price range. Matched against demands.
/// </summary>
public sealed class Solution
{
    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    /// <summary>Who may edit it: an account of the vendor itself, and officials.</summary>
    public bool MayBeEditedBy(ScenarioActor actor) => actor.IsOfficial || actor.EnterpriseId == EnterpriseId;

    public const string OnlyVendorEdits = "只有方案所属企业或集群办可以修改 (only the vendor or an official edits it)";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Capabilities { get; set; } = [];

    public List<string> Sectors { get; set; } = [];

    /// <summary>Codes of the chain nodes the solution sits on (the registry's chain map).</summary>
    public List<string> ChainNodes { get; set; } = [];

    /// <summary>Reference cases in the vendor's words (landed scenarios on the platform count separately, from the pipeline).</summary>
    public string? ReferenceCases { get; set; }

    public string? PriceText { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum MatchDecisionKind
{
    /// <summary>Shown first, whatever its score.</summary>
    Pinned = 1,

    /// <summary>Not proposed again for this demand.</summary>
    Excluded = 2,
}

/// <summary>An official's pin or exclusion of one candidate (a solution or an enterprise) for one demand.</summary>
public sealed class MatchDecision
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    /// <summary>"solution:12" or "enterprise:34" (<see cref="MatchCandidateKey"/>).</summary>
    public string CandidateKey { get; set; } = "";

    public MatchDecisionKind Decision { get; set; }

    public string DecidedBy { get; set; } = "";

    public DateTimeOffset DecidedAt { get; set; }
}

public static class MatchCandidateKey
{
    public static string Solution(int id) => "solution:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Enterprise(int id) => "enterprise:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class SolutionConfiguration : IEntityTypeConfiguration<Solution>, IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<Solution> b)
    {
        b.ToTable("solutions");
        b.HasIndex(s => s.EnterpriseId);
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.PriceText).HasMaxLength(100);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.References(CrossFeatureKeys.Enterprise, nameof(Solution.EnterpriseId), DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MatchDecision> b)
    {
        b.ToTable("match_decisions");
        b.HasIndex(d => new { d.DemandId, d.CandidateKey }).IsUnique();
        b.Property(d => d.CandidateKey).HasMaxLength(40);
        b.Property(d => d.Decision).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.DecidedBy).HasMaxLength(200);
        b.HasOne<Demand>().WithMany().HasForeignKey(d => d.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}
