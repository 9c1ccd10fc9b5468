using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry.Import;

/// <summary>A row and what it will do: update an enterprise, create one, or be skipped (with why).</summary>
internal sealed record PlannedRow(ParsedRow Row, int? Target, string? Skip);

/// <summary>Decides, for every valid row, which enterprise it is: by credit code, else by exact name; duplicates in the file are errors.</summary>
internal static class ImportPlan
{
    public static void FlagDuplicates(List<ParsedRow> rows, List<ImportIssue> errors)
    {
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.CreditCode is { } code)
            {
                if (byCode.TryGetValue(code, out var first))
                {
                    errors.Add(new ImportIssue(row.Number, "统一社会信用代码", code, $"与第{first}行的信用代码重复 / duplicate of row {first}", IssueSeverity.Error));
                    row.HasErrors = true;
                }
                else
                {
                    byCode[code] = row.Number;
                }
            }

            if (row.NameKey.Length > 0)
            {
                if (byName.TryGetValue(row.NameKey, out var first))
                {
                    errors.Add(new ImportIssue(row.Number, "企业名称", row.Name, $"与第{first}行的企业名称重复 / duplicate of row {first}", IssueSeverity.Error));
                    row.HasErrors = true;
                }
                else
                {
                    byName[row.NameKey] = row.Number;
                }
            }
        }
    }



    public static List<PlannedRow> Make(List<ParsedRow> rows, ImportMode mode, Lookups lookups, List<ImportIssue> errors)
    {
        var plan = new List<PlannedRow>(rows.Count);
        foreach (var row in rows.Where(r => !r.HasErrors))
        {
            int? byCode = row.CreditCode is { } code && lookups.ByCreditCode.TryGetValue(code, out var codeMatch) ? codeMatch : null;
            var nameMatches = lookups.ByName.TryGetValue(row.NameKey, out var ids) ? ids : [];
            int? target = byCode;
            if (target is null)
            {
                if (nameMatches.Count > 1)
                {
                    errors.Add(new ImportIssue(row.Number, "企业名称", row.Name, $"名称对应登记库中的{nameMatches.Count}家企业，请补充统一社会信用代码 / the name matches {nameMatches.Count} enterprises: add the credit code", IssueSeverity.Error));
                    continue;
                }

                if (nameMatches.Count == 1)
                {
                    target = nameMatches.First();
                    if (row.CreditCode is not null && lookups.CodeOf.TryGetValue(target.Value, out var existingCode) && existingCode is not null && existingCode != row.CreditCode)
                    {
                        errors.Add(new ImportIssue(row.Number, "统一社会信用代码", row.CreditCode, $"登记库中“{row.Name}”的信用代码为 {existingCode} / the registry holds another code for this name", IssueSeverity.Error));
                        continue;
                    }
                }
            }

            if (target is null && mode == ImportMode.UpdateExisting)
            {
                plan.Add(new PlannedRow(row, null, "登记库中无此企业（仅更新模式） / not in the registry (update-only mapping)"));
                continue;
            }

            plan.Add(new PlannedRow(row, target, null));
        }

        return plan;
    }
}

/// <summary>Everything matching needs, loaded once per import.</summary>
internal sealed class Lookups
{
    public Dictionary<string, List<District>> Districts { get; } = new(StringComparer.Ordinal);

    public List<string> DistrictNames { get; } = [];

    public Dictionary<string, ChainNode> Nodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ByCreditCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, string?> CodeOf { get; } = [];

    public Dictionary<string, HashSet<int>> ByName { get; } = new(StringComparer.Ordinal);

    public static async Task<Lookups> LoadAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var lookups = new Lookups();
        foreach (var district in await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(cancellationToken))
        {
            lookups.DistrictNames.Add(district.Name);
            foreach (var name in district.Aliases.Append(district.Name).Append(district.Code).Append(district.NameEn))
            {
                var key = NameKey.For(name);
                if (!lookups.Districts.TryGetValue(key, out var list))
                {
                    lookups.Districts[key] = list = [];
                }

                if (!list.Contains(district))
                {
                    list.Add(district);
                }
            }
        }

        foreach (var node in await db.Set<ChainNode>().AsNoTracking().OrderBy(n => n.Level).ThenBy(n => n.SortOrder).ToListAsync(cancellationToken))
        {
            foreach (var name in node.AllNames.Append(node.Code).Append(node.NameEn))
            {
                // A name used by a node and a segment means the more specific node.
                lookups.Nodes[NameKey.For(name)] = node;
            }
        }

        foreach (var row in await db.Set<Enterprise>().AsNoTracking().Select(e => new { e.Id, e.CreditCode }).ToListAsync(cancellationToken))
        {
            lookups.CodeOf[row.Id] = row.CreditCode;
            if (row.CreditCode is not null)
            {
                lookups.ByCreditCode[row.CreditCode] = row.Id;
            }
        }

        foreach (var name in await db.Set<EnterpriseName>().AsNoTracking().Select(n => new { n.EnterpriseId, n.MatchKey }).ToListAsync(cancellationToken))
        {
            if (!lookups.ByName.TryGetValue(name.MatchKey, out var ids))
            {
                lookups.ByName[name.MatchKey] = ids = [];
            }

            ids.Add(name.EnterpriseId);
        }

        return lookups;
    }
}
