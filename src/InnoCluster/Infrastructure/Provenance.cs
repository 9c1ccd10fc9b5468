using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace InnoCluster.Infrastructure;

/// <summary>
/// Where a fact comes from: the source (a seed document, an imported file, a person's edit), the exact
/// quote or cell, and the source's date. Every imported fact carries one, so the UI can always answer
/// "where does this number come from?".
/// </summary>
public sealed record Provenance
{
    public ProvenanceKind Kind { get; init; }

    /// <summary>The source's stable name: a seed document's file name, an imported file's name, a user.</summary>
    public string Source { get; init; } = "";

    /// <summary>The exact sentence or cell as written in the source (never reworded).</summary>
    public string? Quote { get; init; }

    /// <summary>Where in the source: "row 12, 营业收入(万元)", or empty for a quoted sentence.</summary>
    public string? Locator { get; init; }

    public DateOnly? SourceDate { get; init; }

    /// <summary>An editor's remark, e.g. why a name was identified with a company; never a source quote.</summary>
    public string? Note { get; init; }

    public static Provenance Editorial(string note) =>
        new() { Kind = ProvenanceKind.Editorial, Source = "InnoCluster seed editors", Note = note };

    public static Provenance FromDocument(string source, string quote, DateOnly? date) =>
        new() { Kind = ProvenanceKind.Document, Source = source, Quote = quote, SourceDate = date };

    public static Provenance FromImport(string file, int row, string column, string? cell, DateOnly importedOn) =>
        new() { Kind = ProvenanceKind.Import, Source = file, Locator = $"row {row}, {column}", Quote = cell, SourceDate = importedOn };
}

public enum ProvenanceKind
{
    Document,
    Import,
    Manual,
    Editorial,
}

/// <summary>How every feature stores a provenance: its fields as columns with one prefix, on the owning row.</summary>
public static class ProvenanceMapping
{
    public static void MapProvenance<TOwner>(this OwnedNavigationBuilder<TOwner, Provenance> builder, string prefix)
        where TOwner : class
    {
        builder.Property(p => p.Kind).HasColumnName(prefix + "_kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Source).HasColumnName(prefix + "_source").HasMaxLength(300);
        builder.Property(p => p.Quote).HasColumnName(prefix + "_quote").HasMaxLength(4000);
        builder.Property(p => p.Locator).HasColumnName(prefix + "_locator").HasMaxLength(300);
        builder.Property(p => p.SourceDate).HasColumnName(prefix + "_date");
        builder.Property(p => p.Note).HasColumnName(prefix + "_note").HasMaxLength(1000);
    }
}
