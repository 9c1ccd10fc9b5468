using System.Globalization;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Writes the filtered enterprise list to .xlsx with the same Chinese headers the import reads, so an
/// exported file can be edited and imported back. Text cells are made formula-injection safe.
/// </summary>
public sealed class ExportEnterprises(InnoClusterDbContext db, ListEnterprises list)
{
    public const int MaxRows = 200_000;

    public async Task<int> WriteAsync(ListEnterprises.Query query, Stream output, CancellationToken cancellationToken)
    {
        var ids = await list.MatchingIdsAsync(query, MaxRows, cancellationToken);
        var rows = new List<Dictionary<string, object?>>(ids.Count);
        foreach (var chunk in ids.Chunk(2000))
        {
            var enterprises = await db.Set<Enterprise>().AsNoTracking()
                .Where(e => chunk.Contains(e.Id))
                .Include(e => e.District).Include(e => e.Names).Include(e => e.Tiers.Where(t => t.Status == RecordStatus.Confirmed))
                .Include(e => e.ChainLinks).ThenInclude(l => l.ChainNode)
                .Include(e => e.Figures).Include(e => e.Products)
                .AsSplitQuery()
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            rows.AddRange(chunk.Where(enterprises.ContainsKey).Select(id => Row(enterprises[id])));
        }

        if (rows.Count == 0)
        {
            rows.Add(Headers.ToDictionary(h => h, _ => (object?)null));
        }

        await Spreadsheet.SaveAsync(output, rows, cancellationToken);
        return ids.Count;
    }

    /// <summary>The columns of an export, which are the import's; the import template has the same.</summary>
    internal static readonly string[] Headers =
        ["企业名称", "统一社会信用代码", "所属板块", "产业链环节", "企业梯队/类型", "成立日期", "营业收入(万元)", "研发投入(万元)", "从业人数", "授权专利数", "有效专利数", "年度", "曾用名", "主营业务", "主要产品", "城市", "上市日期", "股票代码"];

    private static Dictionary<string, object?> Row(Enterprise e)
    {
        var figure = e.Figures.OrderByDescending(f => f.Year).FirstOrDefault();
        var listed = e.Tiers.Find(t => t.Tier == Tier.Listed);
        return new Dictionary<string, object?>
        {
            ["企业名称"] = e.Name,
            ["统一社会信用代码"] = e.CreditCode,
            ["所属板块"] = e.District?.Name,
            ["产业链环节"] = string.Join("；", e.ChainLinks.Where(l => l.ChainNode is not null).Select(l => l.ChainNode!.Name)),
            ["企业梯队/类型"] = string.Join("；", e.Tiers.OrderBy(t => t.Tier).Select(TierCell)),
            ["成立日期"] = e.EstablishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? e.EstablishedYear?.ToString(CultureInfo.InvariantCulture),
            ["营业收入(万元)"] = figure?.Revenue / 10_000m,
            ["研发投入(万元)"] = figure?.RdSpend / 10_000m,
            ["从业人数"] = figure?.Employees,
            ["授权专利数"] = figure?.PatentsGranted,
            ["有效专利数"] = figure?.PatentsValid,
            ["年度"] = figure?.Year,
            ["曾用名"] = string.Join("；", e.Names.Where(n => n.Kind == EnterpriseNameKind.Former).Select(n => n.Name)),
            ["主营业务"] = e.Business,
            ["主要产品"] = string.Join("；", e.Products.Select(p => p.Name)),
            ["城市"] = e.City,
            ["上市日期"] = listed?.GrantedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["股票代码"] = listed?.SecurityCode,
        };
    }

    private static string TierCell(EnterpriseTier t)
    {
        var name = t.Tier switch
        {
            Tier.LittleGiant => "专精特新小巨人",
            Tier.UnicornCandidate => "独角兽(培育)",
            Tier.GazelleCandidate => "瞪羚(培育)",
            Tier.LeadGooseCandidate => "头雁(培育)",
            _ => TierNames.Chinese(t.Tier),
        };
        var details = new List<string>();
        if (t.Level != TierLevel.Unspecified && !(t.Tier is Tier.LittleGiant or Tier.HighTech && t.Level == TierLevel.National))
        {
            details.Add(TierNames.Chinese(t.Level));
        }

        if (t.Year is { } year && t.Tier != Tier.Listed)
        {
            details.Add(year.ToString(CultureInfo.InvariantCulture));
        }

        return details.Count == 0 ? name : $"{name}({string.Join(',', details)})";
    }
}
