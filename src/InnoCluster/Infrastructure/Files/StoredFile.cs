using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Files;

/// <summary>The kinds of file the platform accepts, recognised by their content, never by the name.</summary>
public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Docx,
    Xlsx,
    Pptx,
    Text,
    Html,
}

/// <summary>An uploaded file: kept under a generated name outside the web root, served only as a download.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public string OwnerId { get; set; } = "";

    /// <summary>What the upload is for ("scenario-attachment", "progress-report", "document").</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The name the person gave it, cleaned of paths and control characters; shown, never used as a path.</summary>
    public string FileName { get; set; } = "";

    public FileKind Kind { get; set; }

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>Path under the upload root, made of the id only.</summary>
    public string StoragePath { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasIndex(f => f.OwnerId);
        b.Property(f => f.OwnerId).HasMaxLength(64);
        b.Property(f => f.Purpose).HasMaxLength(40);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoragePath).HasMaxLength(200);
    }
}
