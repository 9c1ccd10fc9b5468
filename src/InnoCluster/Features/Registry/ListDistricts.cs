using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>Districts with their specialities and how many enterprises each holds.</summary>
[FeatureContract]
public sealed class ListDistricts(InnoClusterDbContext db)
{
    public sealed record Item(string Code, string Name, string NameEn, string City, bool IsCoreZone, IReadOnlyList<string> Aliases, string? Specialities, Provenance? Source, int Enterprises, int Carriers);

    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Enterprise>().Where(e => e.DistrictId != null).GroupBy(e => e.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var carriers = await db.Set<Carrier>().Where(c => c.DistrictId != null).GroupBy(c => c.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
        return districts.Select(d => new Item(d.Code, d.Name, d.NameEn, d.City, d.IsCoreZone, d.Aliases, d.Specialities, d.Source,
            counts.GetValueOrDefault(d.Id), carriers.GetValueOrDefault(d.Id))).ToList();
    }
}
