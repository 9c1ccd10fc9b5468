using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Registry.Import;

public enum ImportMode
{
    /// <summary>Create enterprises that are not in the registry, update those that are.</summary>
    Upsert = 1,

    /// <summary>Only enrich enterprises already in the registry; rows matching none are reported as skipped.</summary>
    UpdateExisting = 2,
}

/// <summary>
/// A saved column mapping for files whose headers the import does not know (e.g. tushare's stock_basic:
/// name, ts_code, list_date): which column fills which field, tiers every row implies, and the mode.
/// </summary>
public sealed class ImportMapping
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Source header → field name (<see cref="ImportField"/>), optionally with a unit: "Revenue:万元".</summary>
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>Tiers given to every row, e.g. Listed for a list of listed companies.</summary>
    public List<Tier> ImpliedTiers { get; set; } = [];

    public ImportMode Mode { get; set; } = ImportMode.Upsert;

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> builder)
    {
        builder.ToTable("import_mappings");
        builder.HasIndex(m => m.Name).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Description).HasMaxLength(1000);
        builder.Property(m => m.Mode).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(m => m.ImpliedTiers);
        builder.Property(m => m.Columns).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, string>>(
                (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value.GetHashCode(StringComparison.Ordinal))),
                v => new Dictionary<string, string>(v)));
    }
}
