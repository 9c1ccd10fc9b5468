using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("documents");
        b.HasIndex(d => d.LineageKey).IsUnique();
        b.HasIndex(d => d.SeedFile);
        // The Lucene search index asks for the highest current version before every search.
        b.HasIndex(d => d.CurrentVersionId);
        b.HasIndex(d => new { d.Kind, d.Year });
        // A query naming a law (民法典第一千零六十二条) looks its name up.
        b.HasIndex(d => d.Name);
        b.Property(d => d.LineageKey).HasMaxLength(300);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Name).HasMaxLength(500);
        b.Property(d => d.DocumentNumber).HasMaxLength(100);
        b.Property(d => d.IssuingBody).HasMaxLength(200);
        b.Property(d => d.LevelText).HasMaxLength(50);
        b.Property(d => d.DisclosureIndex).HasMaxLength(100);
        b.Property(d => d.Source).HasMaxLength(200);
        b.Property(d => d.Author).HasMaxLength(200);
        b.Property(d => d.SeedFile).HasMaxLength(200);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("document_versions");
        b.HasIndex(v => v.ContentHash).IsUnique();
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.Property(v => v.ContentHash).HasMaxLength(64);
        b.Property(v => v.Format).HasMaxLength(10);
        b.Property(v => v.SourceFile).HasMaxLength(300);
        b.Property(v => v.IngestedBy).HasMaxLength(256);
        b.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Facts).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Passages).WithOne().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentSectionConfiguration : IEntityTypeConfiguration<DocumentSection>
{
    public void Configure(EntityTypeBuilder<DocumentSection> b)
    {
        b.ToTable("document_sections");
        b.HasIndex(s => new { s.VersionId, s.Order });
        b.Property(s => s.Label).HasMaxLength(30);
        b.Property(s => s.Title).HasMaxLength(200);
    }
}

internal sealed class DocumentPassageConfiguration : IEntityTypeConfiguration<DocumentPassage>
{
    public void Configure(EntityTypeBuilder<DocumentPassage> b)
    {
        b.ToTable("document_passages");
        b.HasIndex(p => new { p.VersionId, p.Ordinal });
        b.HasIndex(p => p.DocumentId);
    }
}

internal sealed class DocumentFactConfiguration : IEntityTypeConfiguration<DocumentFact>
{
    public void Configure(EntityTypeBuilder<DocumentFact> b)
    {
        b.ToTable("document_facts");
        b.HasIndex(f => f.VersionId);
        b.HasIndex(f => f.EnterpriseId);
        b.HasIndex(f => f.CarrierId);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Subject).HasMaxLength(200);
        b.Property(f => f.Metric).HasMaxLength(100);
        b.Property(f => f.Unit).HasMaxLength(20);
        b.Property(f => f.Ambiguity).HasMaxLength(200);
        b.Property(f => f.Qualifier).HasMaxLength(20);
        b.Property(f => f.Text).HasMaxLength(200);
        b.Property(f => f.Sentence).HasMaxLength(4000);
    }
}
