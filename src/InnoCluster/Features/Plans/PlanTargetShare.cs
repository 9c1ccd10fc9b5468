using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A target broken down by 板块 (目标分解): the part of it one 板块 is to reach, in the target's unit, as the office
/// set it — with who set it and when. The parts need not add up to the whole (a plan may ask for more from its
/// parts than its total); the page says when they do not.
/// </summary>
public sealed class PlanTargetShare
{
    public int Id { get; set; }

    public int TargetId { get; set; }

    /// <summary>The 板块 by its name, as the plan's reporting units name it.</summary>
    public string District { get; set; } = "";

    /// <summary>In the target's unit (元 for money).</summary>
    public decimal Value { get; set; }

    /// <summary>As the official wrote it ("50亿元", "3家").</summary>
    public string Text { get; set; } = "";

    public string SetBy { get; set; } = "";

    public DateTimeOffset SetAt { get; set; }
}

internal sealed class PlanTargetShareConfiguration : IEntityTypeConfiguration<PlanTargetShare>
{
    public void Configure(EntityTypeBuilder<PlanTargetShare> b)
    {
        b.ToTable("plan_target_shares");
        b.HasIndex(s => new { s.TargetId, s.District }).IsUnique();
        b.Property(s => s.District).HasMaxLength(100);
        b.Property(s => s.Value).HasPrecision(24, 4);
        b.Property(s => s.Text).HasMaxLength(100);
        b.Property(s => s.SetBy).HasMaxLength(200);
        b.HasOne<PlanTarget>().WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}
