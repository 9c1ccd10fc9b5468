using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Seeding;

internal sealed class SeedRunConfiguration : IEntityTypeConfiguration<SeedRun>
{
    public void Configure(EntityTypeBuilder<SeedRun> builder)
    {
        builder.ToTable("seed_runs");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
    }
}
