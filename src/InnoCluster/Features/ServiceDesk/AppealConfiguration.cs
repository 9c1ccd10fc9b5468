using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.ServiceDesk;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.ToTable("appeals");
        b.HasIndex(a => new { a.Status, a.ReceivedAt });
        b.HasIndex(a => a.EnterpriseId);
        b.HasIndex(a => a.LeadUnit);
        // Every column the office's analytics reads, in one index: a period's requests are read from the index alone.
        b.HasIndex(a => new
        {
            a.ReceivedAt, a.Theme, a.SuggestedTheme, a.DistrictId, a.LeadUnit, a.EnterpriseId, a.Status, a.Rating,
            a.AcceptDueAt, a.FirstResponseAt, a.FirstResponseDueAt, a.ResolvedAt, a.ResolveDueAt,
        }).HasDatabaseName("ix_appeals_analytics");
        b.Property(a => a.Topic).HasMaxLength(200);
        b.Property(a => a.Text).HasMaxLength(5000);
        b.Property(a => a.Theme).HasMaxLength(40);
        b.Property(a => a.SuggestedTheme).HasMaxLength(40);
        b.Property(a => a.EnterpriseName).HasMaxLength(200);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.Rating).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.FiledById).HasMaxLength(64);
        b.Property(a => a.LeadUnit).HasMaxLength(100);
        b.Property(a => a.Resolution).HasMaxLength(5000);
        b.Property(a => a.ExtensionReason).HasMaxLength(1000);
        b.Property(a => a.RatingComment).HasMaxLength(1000);
        b.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.AppealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppealStepConfiguration : IEntityTypeConfiguration<AppealStep>
{
    public void Configure(EntityTypeBuilder<AppealStep> b)
    {
        b.ToTable("appeal_steps");
        b.HasIndex(s => new { s.AppealId, s.At });
        b.Property(s => s.Action).HasMaxLength(30);
        b.Property(s => s.ActorName).HasMaxLength(320);
        b.Property(s => s.Unit).HasMaxLength(100);
        b.Property(s => s.Note).HasMaxLength(5000);
    }
}
