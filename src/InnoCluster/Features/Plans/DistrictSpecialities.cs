using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Each district's speciality as the plan assigns it (004 (五): "张家港市在智能机器人、智能软件等领域") against
/// its enterprises in the registry: how many it has, and per field how many sit on chain nodes of that
/// field. A field matches the chain nodes whose name contains it or is contained in it (智能机器人 ↔
/// 服务机器人 does not match: the map's own words decide, and a field with no node says so).
/// </summary>
public sealed class DistrictSpecialities(IRegistryDirectory registry, RegistryCounts counts)
{
    public sealed record Field(string Name, IReadOnlyList<string> Nodes, int Enterprises);

    public sealed record Row(string Code, string Name, string NameEn, string? Specialities, Provenance? Source, int Enterprises, IReadOnlyList<Field> Fields);

    public static IReadOnlyList<string> Fields(string? specialities) =>
        string.IsNullOrWhiteSpace(specialities) ? []
        : [.. specialities.Replace("等核心技术领域", "", StringComparison.Ordinal).Replace("等领域", "", StringComparison.Ordinal)
            .Split(['、', ',', '，', '与', '及'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(f => f.Length >= 2)];

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken cancellationToken)
    {
        var districts = await registry.DistrictsAsync(cancellationToken);
        var nodes = await registry.ChainNodesAsync(cancellationToken);
        var totals = await counts.PerDistrictAsync(cancellationToken);
        var byDistrictNode = (await counts.PerDistrictAndNodeAsync(cancellationToken)).ToDictionary(l => (l.DistrictId, l.ChainNodeId), l => l.Enterprises);
        return [.. districts.Select(d =>
        {
            var fields = Fields(d.Specialities).Select(field =>
            {
                var matched = nodes.Where(n => n.Name.Contains(field, StringComparison.Ordinal) || field.Contains(n.Name, StringComparison.Ordinal)).ToList();
                // An enterprise on two matched nodes counts twice here; the map's nodes under one field rarely overlap.
                var count = matched.Sum(n => byDistrictNode.GetValueOrDefault((d.Id, n.Id)));
                return new Field(field, [.. matched.Select(n => n.Name)], count);
            }).ToList();
            return new Row(d.Code, d.Name, d.NameEn, d.Specialities, d.Source, totals.GetValueOrDefault(d.Id), fields);
        })];
    }
}
