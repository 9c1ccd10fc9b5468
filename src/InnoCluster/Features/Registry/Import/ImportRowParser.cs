using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry.Import;

/// <summary>One row of the file, read cell by cell: every value parsed and checked, every problem named by row and column.</summary>
internal sealed class ParsedRow
{
    public int Number { get; init; }

    public string Name { get; set; } = "";

    public string NameKey { get; set; } = "";

    public string? CreditCode { get; set; }

    public District? District { get; set; }

    public List<ChainNode> Nodes { get; } = [];

    public List<ParsedTier> Tiers { get; } = [];

    public DateOnly? EstablishedOn { get; set; }

    public int? EstablishedYear { get; set; }

    public decimal? Revenue { get; set; }

    public decimal? RdSpend { get; set; }

    public int? Employees { get; set; }

    public int? PatentsGranted { get; set; }

    public int? PatentsValid { get; set; }

    /// <summary>Whether the row gives any of a year's figures (which then need the year).</summary>
    public bool HasFigures => Revenue is not null || RdSpend is not null || Employees is not null || PatentsGranted is not null || PatentsValid is not null;

    public int? Year { get; set; }

    public List<string> FormerNames { get; } = [];

    public string? Business { get; set; }

    public List<string> Products { get; } = [];

    public string? City { get; set; }

    public DateOnly? ListedOn { get; set; }

    public string? SecurityCode { get; set; }

    public bool HasErrors { get; set; }

    public List<ImportIssue> Errors { get; } = [];

    public List<ImportIssue> Warnings { get; } = [];

    /// <summary>The header and cell each field came from, for provenance.</summary>
    public Dictionary<ImportField, (string Header, string Cell)> Cells { get; } = new(16);
}

/// <summary>Reads a row's cells into a <see cref="ParsedRow"/> (pure: safe to run on every core).</summary>
internal static class ImportRowParser
{
    private const string CellSeparators = ";；、\n";

    public static ParsedRow Parse(TabularRow row, List<ColumnBinding> bindings, ImportMapping? mapping, Lookups lookups)
    {
        var parsed = new ParsedRow { Number = row.Number };
        void Error(ColumnBinding b, string? value, string message)
        {
            parsed.Errors.Add(new ImportIssue(row.Number, b.Header, value, message, IssueSeverity.Error));
            parsed.HasErrors = true;
        }

        void Warn(ColumnBinding b, string? value, string message) =>
            parsed.Warnings.Add(new ImportIssue(row.Number, b.Header, value, message, IssueSeverity.Warning));

        // A head count or a number of patents: a whole number, an approximate one kept with a warning.
        int? WholeNumber(ColumnBinding b, string cell, string unit, (string Chinese, string English) what)
        {
            if (QuantityParser.TryParse(cell, out var number) && number.UpperValue is null && number.Value == Math.Floor(number.Value) && number.Value >= 0 && number.Value < int.MaxValue)
            {
                if (number.Qualifier != Qualifier.Exact)
                {
                    Warn(b, cell, $"约数，按 {number.Value} {unit}记录 / approximate figure");
                }

                return (int)number.Value;
            }

            Error(b, cell, $"{what.Chinese}应为整数 / {what.English} must be a whole number");
            return null;
        }

        foreach (var binding in bindings)
        {
            var cell = row[binding.Index];
            if (string.IsNullOrWhiteSpace(cell))
            {
                if (binding.Field == ImportField.Name)
                {
                    Error(binding, cell, "企业名称不能为空 / the enterprise name is required");
                }

                continue;
            }

            parsed.Cells[binding.Field] = (binding.Header, cell);
            switch (binding.Field)
            {
                case ImportField.Name:
                    parsed.Name = cell.Trim();
                    parsed.NameKey = NameKey.For(parsed.Name);
                    if (parsed.Name.Length > 200)
                    {
                        Error(binding, cell, "企业名称超过200字 / the name is longer than 200 characters");
                    }

                    break;
                case ImportField.CreditCode:
                    if (CreditCode.TryParse(cell, out var code, out var codeError))
                    {
                        parsed.CreditCode = code.Value;
                    }
                    else
                    {
                        Error(binding, cell, codeError);
                    }

                    break;
                case ImportField.District:
                    if (lookups.Districts.TryGetValue(NameKey.For(cell), out var districts))
                    {
                        if (districts.Count > 1)
                        {
                            Error(binding, cell, $"板块“{cell}”不唯一：{string.Join("、", districts.Select(d => d.Name))} / ambiguous district");
                        }
                        else
                        {
                            parsed.District = districts[0];
                        }
                    }
                    else
                    {
                        Error(binding, cell, $"未知板块“{cell}”，可用：{string.Join("、", lookups.DistrictNames)} / unknown district");
                    }

                    break;
                case ImportField.ChainNodes:
                    foreach (var part in SplitList(cell))
                    {
                        if (lookups.Nodes.TryGetValue(NameKey.For(part), out var node))
                        {
                            parsed.Nodes.Add(node);
                        }
                        else
                        {
                            Error(binding, part, $"未知产业链环节“{part}” / unknown industry-chain node");
                        }
                    }

                    break;
                case ImportField.Tiers:
                    foreach (var part in TierText.Split(cell))
                    {
                        if (TierText.TryParse(part, out var tier))
                        {
                            parsed.Tiers.Add(tier);
                        }
                        else
                        {
                            Error(binding, part, $"无法识别的企业梯队“{part}”（如：上市、独角兽、专精特新(省级,2023)、瞪羚、高新技术企业、头雁） / unknown tier");
                        }
                    }

                    break;
                case ImportField.EstablishedOn:
                    if (ImportDates.TryParseYear(cell, out var year))
                    {
                        parsed.EstablishedYear = year;
                    }
                    else if (ImportDates.TryParseDate(cell, out var date))
                    {
                        parsed.EstablishedOn = date;
                        parsed.EstablishedYear = date.Year;
                    }
                    else
                    {
                        Error(binding, cell, "无法识别的日期（如 2015-03-01、2015年3月1日） / not a date");
                    }

                    break;
                case ImportField.ListedOn:
                    if (ImportDates.TryParseDate(cell, out var listed))
                    {
                        parsed.ListedOn = listed;
                    }
                    else
                    {
                        Error(binding, cell, "无法识别的日期 / not a date");
                    }

                    break;
                case ImportField.Revenue or ImportField.RdSpend:
                    if (QuantityParser.TryParse(cell, out var amount, binding.MoneyFactor, money: true) && amount.UpperValue is null)
                    {
                        if (amount.Value < 0)
                        {
                            Error(binding, cell, "金额不能为负 / the amount is negative");
                        }
                        else
                        {
                            if (amount.Qualifier != Qualifier.Exact)
                            {
                                Warn(binding, cell, $"约数，按 {amount.Value.ToString("N0", CultureInfo.InvariantCulture)} 元记录 / approximate figure, stored as {amount.Value.ToString("N0", CultureInfo.InvariantCulture)} yuan");
                            }

                            if (binding.Field == ImportField.Revenue)
                            {
                                parsed.Revenue = amount.Value;
                            }
                            else
                            {
                                parsed.RdSpend = amount.Value;
                            }
                        }
                    }
                    else
                    {
                        Error(binding, cell, "无法解析的金额（应为数字，如 3500、1.2亿） / not an amount");
                    }

                    break;
                case ImportField.Employees:
                    parsed.Employees = WholeNumber(binding, cell, "人", ("从业人数", "the head count"));
                    break;
                case ImportField.PatentsGranted:
                    parsed.PatentsGranted = WholeNumber(binding, cell, "件", ("授权专利数", "patents granted"));
                    break;
                case ImportField.PatentsValid:
                    parsed.PatentsValid = WholeNumber(binding, cell, "件", ("有效专利数", "patents in force"));
                    break;
                case ImportField.Year:
                    if (ImportDates.TryParseYear(cell, out var figureYear))
                    {
                        parsed.Year = figureYear;
                    }
                    else
                    {
                        Error(binding, cell, "年度应为四位年份（如 2024） / the year must have four digits");
                    }

                    break;
                case ImportField.FormerNames:
                    parsed.FormerNames.AddRange(SplitList(cell));
                    break;
                case ImportField.Business:
                    parsed.Business = cell.Length > 4000 ? cell[..4000] : cell;
                    break;
                case ImportField.Products:
                    parsed.Products.AddRange(SplitList(cell));
                    break;
                case ImportField.City:
                    parsed.City = cell.Length > 50 ? cell[..50] : cell;
                    break;
                case ImportField.SecurityCode:
                    parsed.SecurityCode = cell.Length > 20 ? cell[..20] : cell;
                    break;
                default:
                    break;
            }
        }

        if (parsed.HasFigures && parsed.Year is null)
        {
            var figureColumn = bindings.First(b => b.Field is ImportField.Revenue or ImportField.RdSpend or ImportField.Employees or ImportField.PatentsGranted or ImportField.PatentsValid);
            Error(figureColumn, null, "有年度数据但缺少“年度” / figures need a 年度 (year) column");
        }

        foreach (var implied in mapping?.ImpliedTiers ?? [])
        {
            if (!parsed.Tiers.Exists(t => t.Tier == implied))
            {
                parsed.Tiers.Add(new ParsedTier(implied, TierLevel.Unspecified, implied == Tier.Listed ? parsed.ListedOn?.Year : null));
            }
        }

        return parsed;
    }

    public static string[] SplitList(string cell) =>
        cell.Split(CellSeparators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
