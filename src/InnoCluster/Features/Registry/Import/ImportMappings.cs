using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry.Import;

/// <summary>Saved column mappings: list, save (create or replace by name), validated before they are stored.</summary>
public sealed class ImportMappings(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record MappingDto(string Name, string? Description, IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> ImpliedTiers, string Mode);

    public async Task<IReadOnlyList<MappingDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<ImportMapping>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    /// <summary>Validates and saves; returns the problems instead when the mapping is not usable.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(MappingDto dto, CancellationToken cancellationToken)
    {
        var problems = Validate(dto);
        if (problems.Count > 0)
        {
            return problems;
        }

        var mapping = await db.Set<ImportMapping>().SingleOrDefaultAsync(m => m.Name == dto.Name, cancellationToken);
        if (mapping is null)
        {
            mapping = new ImportMapping { Name = dto.Name };
            db.Add(mapping);
        }

        mapping.Description = dto.Description;
        mapping.Columns = dto.Columns.ToDictionary(c => c.Key, c => c.Value);
        mapping.ImpliedTiers = dto.ImpliedTiers.Select(t => TierNames.TryParseKey(t, out var tier) ? tier : default).ToList();
        mapping.Mode = Enum.Parse<ImportMode>(dto.Mode, ignoreCase: true);
        mapping.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static List<string> Validate(MappingDto dto)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(dto.Name) || dto.Name.Length > 100)
        {
            problems.Add("name: 1-100 characters");
        }

        if (dto.Columns is null || dto.Columns.Count == 0)
        {
            problems.Add("columns: at least one column");
        }

        foreach (var (header, target) in dto.Columns ?? new Dictionary<string, string>())
        {
            var field = target.Split(':', 2)[0];
            if (!Enum.TryParse<ImportField>(field, ignoreCase: true, out _))
            {
                problems.Add($"columns.{header}: unknown field '{field}' (known: {string.Join(", ", Enum.GetNames<ImportField>())})");
            }
        }

        if (dto.Columns is not null && !dto.Columns.Values.Any(v => v.Split(':', 2)[0].Equals(nameof(ImportField.Name), StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("columns: one column must map to Name");
        }

        foreach (var tier in dto.ImpliedTiers ?? [])
        {
            if (!TierNames.TryParseKey(tier, out _))
            {
                problems.Add($"impliedTiers: unknown tier '{tier}'");
            }
        }

        if (!Enum.TryParse<ImportMode>(dto.Mode, ignoreCase: true, out _))
        {
            problems.Add($"mode: '{dto.Mode}' is not Upsert or UpdateExisting");
        }

        return problems;
    }

    private static MappingDto ToDto(ImportMapping m) =>
        new(m.Name, m.Description, m.Columns, m.ImpliedTiers.Select(TierNames.Key).ToList(), m.Mode.ToString());
}

/// <summary>The mappings shipped with the platform (data/seed/import-mappings.json).</summary>
public sealed class ImportMappingSeedStep : ISeedStep
{
    public string Name => "import-mappings";

    public int Order => 15;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = ["import-mappings.json"];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var mappings = SeedJson.Read<List<ImportMappings.MappingDto>>(context.PathOf("import-mappings.json"));
        var service = new ImportMappings(db, context.Clock);
        foreach (var mapping in mappings)
        {
            var problems = await service.SaveAsync(mapping, cancellationToken);
            if (problems.Count > 0)
            {
                throw new InvalidDataException($"Seed mapping '{mapping.Name}': {string.Join("; ", problems)}");
            }
        }
    }
}
