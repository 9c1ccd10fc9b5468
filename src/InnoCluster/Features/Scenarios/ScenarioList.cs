using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A numbered scenario list (场景清单, "2025年第3批") the office issues: its number, name and the day it was
/// issued (the first publication into it), and the demands published in it.
/// </summary>
public sealed class ScenarioList
{
    public int Id { get; set; }

    /// <summary>Its number in the order issued (1, 2, 3 …).</summary>
    public int Number { get; set; }

    public string Name { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public string IssuedBy { get; set; } = "";
}

internal sealed class ScenarioListConfiguration : IEntityTypeConfiguration<ScenarioList>
{
    public void Configure(EntityTypeBuilder<ScenarioList> b)
    {
        b.ToTable("scenario_lists");
        b.HasIndex(l => l.Name).IsUnique();
        b.HasIndex(l => l.Number).IsUnique();
        b.Property(l => l.Name).HasMaxLength(50);
        b.Property(l => l.IssuedBy).HasMaxLength(256);
    }
}

/// <summary>The scenario lists with their published demands, newest first.</summary>
public sealed class ScenarioLists(InnoClusterDbContext db, Registry.IRegistryDirectory registry)
{
    public sealed record Entry(int Id, string Title, string? Sector, string? District);

    public sealed record Item(int Id, int Number, string Name, DateOnly IssuedOn, int Demands, IReadOnlyList<Entry> Entries);

    public async Task<IReadOnlyList<Item>> AllAsync(CancellationToken cancellationToken)
    {
        var lists = await db.Set<ScenarioList>().AsNoTracking().OrderByDescending(l => l.Number).ToListAsync(cancellationToken);
        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var demands = (await db.Set<Demand>().AsNoTracking().Where(d => d.ListId != null && d.Status != DemandStatus.Draft).OrderBy(d => d.Id)
                .Select(d => new { ListId = d.ListId!.Value, d.Id, d.Title, d.Sector, d.DistrictId }).ToListAsync(cancellationToken))
            .Select(d => new { d.ListId, d.Id, d.Title, d.Sector, District = d.DistrictId is { } id ? districts.GetValueOrDefault(id) : null })
            .ToLookup(d => d.ListId);
        return [.. lists.Select(l => new Item(l.Id, l.Number, l.Name, l.IssuedOn, demands[l.Id].Count(),
            [.. demands[l.Id].Select(d => new Entry(d.Id, d.Title, d.Sector, d.District))]))];
    }

    /// <summary>The names of the lists issued so far, newest first (offered when publishing, so one batch keeps one name).</summary>
    public async Task<IReadOnlyList<string>> RecentNamesAsync(CancellationToken cancellationToken) =>
        await db.Set<ScenarioList>().AsNoTracking().OrderByDescending(l => l.Number).Select(l => l.Name).Take(50).ToListAsync(cancellationToken);
}
