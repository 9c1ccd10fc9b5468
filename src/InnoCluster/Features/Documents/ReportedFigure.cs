using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Documents;

/// <summary>
/// A count of the cluster's firms or filings that a source document reports (上市企業32家, 42個重點算法…備案), read
/// by the seed editors: what is counted as the document words it, the scope and year it states (empty when it states
/// none), the sentence, and the sentence that gives its scope or year. A different measure from the registry's own
/// counts, shown beside them and labelled as reported.
/// </summary>
public sealed class ReportedFigure
{
    public int Id { get; set; }

    /// <summary>What it counts, in the registry's words where it has them (listed, unicorn …), for the link to the registry's own count.</summary>
    public string Key { get; set; } = "";

    /// <summary>What is counted, as the document words it (全球独角兽企业, 各级独角兽(含培育)企业).</summary>
    public string Label { get; set; } = "";

    public string LabelEn { get; set; } = "";

    /// <summary>Where the count is of, as the document says (苏州市人工智能产业, 苏州工业园区).</summary>
    public string Scope { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>The year the document gives the count for; null when it gives none.</summary>
    public int? Year { get; set; }

    public int DocumentId { get; set; }

    public string Quote { get; set; } = "";

    public int QuoteStart { get; set; }

    /// <summary>The sentence that states the scope or year, when it is not the figure's own.</summary>
    public string? Context { get; set; }
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> b)
    {
        b.ToTable("reported_figures");
        b.Property(f => f.Key).HasMaxLength(40);
        b.Property(f => f.Label).HasMaxLength(100);
        b.Property(f => f.LabelEn).HasMaxLength(200);
        b.Property(f => f.Scope).HasMaxLength(100);
        b.Property(f => f.Unit).HasMaxLength(10);
        b.Property(f => f.Quote).HasMaxLength(2000);
        b.Property(f => f.Context).HasMaxLength(2000);
        b.HasOne<Document>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
