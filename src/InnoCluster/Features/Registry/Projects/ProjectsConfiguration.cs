using InnoCluster.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Registry;

internal sealed class InvestmentProjectConfiguration : IEntityTypeConfiguration<InvestmentProject>
{
    public void Configure(EntityTypeBuilder<InvestmentProject> builder)
    {
        builder.ToTable("investment_projects");
        builder.Property(p => p.SeedKey).HasMaxLength(80);
        builder.HasIndex(p => p.SeedKey).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Investor).HasMaxLength(200);
        builder.Property(p => p.InvestorFrom).HasMaxLength(50);
        builder.Property(p => p.Place).HasMaxLength(50);
        builder.Property(p => p.ResponsibleUnit).HasMaxLength(100);
        builder.Property(p => p.Reason).HasMaxLength(500);
        builder.Property(p => p.Investment).HasPrecision(18, 4);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.InvestorEnterpriseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ChainNode>().WithMany().HasForeignKey(p => p.ChainNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.District).WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectStageRecordConfiguration : IEntityTypeConfiguration<ProjectStageRecord>
{
    public void Configure(EntityTypeBuilder<ProjectStageRecord> builder)
    {
        builder.ToTable("investment_project_stages");
        builder.HasIndex(s => new { s.ProjectId, s.Stage }).IsUnique();
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EnteredBy).HasMaxLength(256);
        builder.OwnsOne(s => s.Source, p => p.MapProvenance("source"));
        builder.Navigation(s => s.Source).IsRequired();
    }
}
