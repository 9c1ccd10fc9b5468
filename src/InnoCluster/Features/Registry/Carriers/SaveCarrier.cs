using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An official creates or edits a carrier: name, kind, level, 板块, host firm, approving body, aliases, chain
/// nodes and the bodies behind it. A carrier from the source documents keeps what the sources state (name,
/// kind, aliases, 板块, host, chain nodes are their quotes'); the office adds what they leave open. Audited.
/// </summary>
public sealed class SaveCarrier(InnoClusterDbContext db, AuditTrail audit)
{
    public sealed record Backer(int? EnterpriseId, string? Name);

    public sealed record Request(string? Name, string? Kind, string? Level, string? District, string? City, int? HostEnterpriseId, string? ApprovingBody,
        IReadOnlyList<string>? Aliases, IReadOnlyList<string>? ChainNodes, IReadOnlyList<Backer>? Backers,
        decimal? FundSize = null, string? FundManager = null, string? FundFocus = null);

    public async Task<Result<int>> RunAsync(int? id, Request request, CancellationToken cancellationToken)
    {
        var carrier = id is { } existing
            ? await db.Set<Carrier>().Include(c => c.Backers).SingleOrDefaultAsync(c => c.Id == existing, cancellationToken)
            : Carrier.ByTheOffice();
        if (carrier is null)
        {
            return Problem.NotFound();
        }

        var codes = (request.ChainNodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var firmIds = (request.Backers ?? []).Select(b => b.EnterpriseId).OfType<int>().Append(request.HostEnterpriseId ?? 0).Where(i => i > 0).Distinct().ToList();
        var lookups = new Lookups(
            string.IsNullOrWhiteSpace(request.District) ? new Dictionary<string, District>() : await db.Set<District>().Where(d => d.Code == request.District.Trim()).ToDictionaryAsync(d => d.Code, cancellationToken),
            await db.Set<ChainNode>().Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, cancellationToken),
            await db.Set<Enterprise>().Where(e => firmIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken));
        var (errors, kind, district, nodes) = Check(request, lookups);
        var fromSources = carrier.FromSources;
        if (fromSources && errors.Count == 0 && (carrier.Name != request.Name!.Trim() || carrier.Kind != kind || carrier.DistrictId != district?.Id
            || carrier.HostEnterpriseId != request.HostEnterpriseId || !carrier.ChainNodeIds.Order().SequenceEqual(nodes.Select(n => n.Id).Order())
            || !carrier.Aliases.SequenceEqual(request.Aliases ?? carrier.Aliases)))
        {
            errors.Add(new("name", "此载体来自源文件：名称、类型、别名、板块、建设主体和产业链环节以原文为准，不可修改 / from the source documents: name, kind, aliases, district, host and chain nodes are as the sources state them"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        Apply(carrier, request, kind, district, nodes, lookups.Firms);
        if (id is null)
        {
            db.Add(carrier);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(id is null ? "carrier-create" : "carrier-update", "carriers", carrier.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", carrier.Name, cancellationToken);
        return carrier.Id;
    }
    /// <summary>What a request's codes and ids name: its 板块 by code, its chain nodes by code, its firms' names by id.</summary>
    public sealed record Lookups(IReadOnlyDictionary<string, District> Districts, IReadOnlyDictionary<string, ChainNode> Nodes, IReadOnlyDictionary<int, string> Firms);

    /// <summary>The rules of a carrier's fields, each broken one named: what the API checks for one carrier and an import for each row.</summary>
    public static (List<FieldError> Errors, CarrierKind Kind, District? District, List<ChainNode> Nodes) Check(Request request, Lookups lookups)
    {
        var errors = new List<FieldError>();
        var kind = default(CarrierKind);
        if (!Enum.TryParse(request.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors.Add(new("kind", $"未知的载体类型“{request.Kind}” / kind: one of {string.Join(", ", Enum.GetNames<CarrierKind>())}"));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors.Add(new("name", "请填写名称，不超过200字 / name: required, at most 200 characters"));
        }

        var level = TierLevel.Unspecified;
        if (!string.IsNullOrWhiteSpace(request.Level) && !RecordWords.TryParse(request.Level, RecordWords.Key, out level))
        {
            errors.Add(new("level", "级别应为 national、provincial、municipal 或 district / level: national, provincial, municipal or district"));
        }

        if (request.ApprovingBody is { Length: > 100 } || request.City is { Length: > 50 })
        {
            errors.Add(new(request.City is { Length: > 50 } ? "city" : "approvingBody", "过长 / too long"));
        }

        var district = string.IsNullOrWhiteSpace(request.District) ? null : lookups.Districts.GetValueOrDefault(request.District.Trim());
        if (!string.IsNullOrWhiteSpace(request.District) && district is null)
        {
            errors.Add(new("district", $"未知板块“{request.District}” / district: a code from /api/districts"));
        }

        var codes = (request.ChainNodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var nodes = codes.Where(lookups.Nodes.ContainsKey).Select(c => lookups.Nodes[c]).ToList();
        if (nodes.Count != codes.Count)
        {
            errors.Add(new("chainNodes", $"未知的产业链环节：{string.Join("、", codes.Except(nodes.Select(n => n.Code)))} / unknown chain nodes"));
        }

        var firmIds = (request.Backers ?? []).Select(b => b.EnterpriseId).OfType<int>().Append(request.HostEnterpriseId ?? 0).Where(i => i > 0).Distinct().ToList();
        var firms = lookups.Firms;
        if (firmIds.Except(firms.Keys).ToList() is { Count: > 0 } unknown)
        {
            errors.Add(new(request.HostEnterpriseId is { } h && !firms.ContainsKey(h) ? "hostEnterpriseId" : "backers", $"登记库中没有编号为 {string.Join(", ", unknown)} 的企业 / no registered firm with id {string.Join(", ", unknown)}"));
        }

        if ((request.Backers ?? []).Any(b => b.EnterpriseId is null && (string.IsNullOrWhiteSpace(b.Name) || b.Name.Trim().Length > 200)) || request.Backers is { Count: > 50 })
        {
            errors.Add(new("backers", "共建单位至多50个，每个须有名称或企业编号 / backers: at most 50, each a name or a firm id"));
        }

        if ((request.FundSize is not null || !string.IsNullOrWhiteSpace(request.FundManager) || !string.IsNullOrWhiteSpace(request.FundFocus)) && kind != CarrierKind.Fund)
        {
            errors.Add(new("fundSize", "只有产业基金有规模、管理人和投资方向 / only a fund has a size, a manager and a focus"));
        }
        else if (request.FundSize is <= 0 or >= 100_000m || request.FundManager is { Length: > 200 } || request.FundFocus is { Length: > 500 })
        {
            errors.Add(new(request.FundSize is <= 0 or >= 100_000m ? "fundSize" : "fundManager", "基金规模以亿元计，应大于0、小于100000；管理人不超过200字，投资方向不超过500字 / fundSize in 亿元: more than 0, less than 100000; manager at most 200 characters, focus 500"));
        }

        return (errors, kind, district, nodes);
    }

    /// <summary>Writes a checked request onto the carrier.</summary>
    public static void Apply(Carrier carrier, Request request, CarrierKind kind, District? district, List<ChainNode> nodes, IReadOnlyDictionary<int, string> firms)
    {
        RecordWords.TryParse(request.Level, RecordWords.Key, out TierLevel level);
        carrier.Name = request.Name!.Trim();
        carrier.Kind = kind;
        carrier.Level = level;
        carrier.DistrictId = district?.Id;
        carrier.City = string.IsNullOrWhiteSpace(request.City) ? (district is null ? carrier.City : null) : request.City.Trim();
        carrier.HostEnterpriseId = request.HostEnterpriseId;
        carrier.ApprovingBody = string.IsNullOrWhiteSpace(request.ApprovingBody) ? null : request.ApprovingBody.Trim();
        carrier.Aliases = [.. (request.Aliases ?? carrier.Aliases).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct()];
        carrier.ChainNodeIds = [.. nodes.Select(n => n.Id)];
        carrier.FundSize = request.FundSize;
        carrier.FundManager = string.IsNullOrWhiteSpace(request.FundManager) ? null : request.FundManager.Trim();
        carrier.FundFocus = string.IsNullOrWhiteSpace(request.FundFocus) ? null : request.FundFocus.Trim();
        carrier.Backers.Clear();
        carrier.Backers.AddRange((request.Backers ?? []).Select(b => new CarrierBacker { EnterpriseId = b.EnterpriseId, Name = b.EnterpriseId is { } fid ? firms[fid] : b.Name!.Trim() }));
    }
}
