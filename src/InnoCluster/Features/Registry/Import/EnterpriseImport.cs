using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry.Import;

/// <summary>
/// Imports enterprises from an .xlsx or .csv file with Chinese headers (or a saved column mapping).
/// Every row is validated first; a file with any error changes nothing (all-or-nothing), and a dry run
/// reports exactly what a real run would do. Rows match existing enterprises by credit code, else by
/// exact name (any known name), so importing the same file twice changes nothing the second time.
/// </summary>
public sealed class EnterpriseImport(
    InnoClusterDbContext db,
    EnterpriseSearchIndexer indexer,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<EnterpriseImport> logger,
    InnoCluster.Infrastructure.Auditing.AuditTrail audit)
{
    private const string CellSeparators = ";；、\n";

    public async Task<ImportReport> RunAsync(string fileName, Stream content, string? mappingName, bool dryRun, CancellationToken cancellationToken)
    {
        var safeName = Path.GetFileName(fileName);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        TabularFile file;
        try
        {
            file = TabularFileReader.Read(safeName, content, new TabularLimits(options.Value.MaxFileBytes, options.Value.MaxRows));
        }
        catch (TabularFileException ex)
        {
            return ImportReport.ForFileError(safeName, mappingName, dryRun, ex.Message);
        }

        ImportMapping? mapping = null;
        if (!string.IsNullOrWhiteSpace(mappingName))
        {
            mapping = await db.Set<ImportMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == mappingName, cancellationToken);
            if (mapping is null)
            {
                return ImportReport.ForFileError(safeName, mappingName, dryRun, $"未知的列映射“{mappingName}” / no saved column mapping named '{mappingName}'");
            }
        }

        var (bindings, bindingError) = Bind(file.Headers, mapping);
        if (bindingError is not null)
        {
            return ImportReport.ForFileError(safeName, mappingName, dryRun, bindingError);
        }

        var readTime = timer.Elapsed;
        var lookups = await Lookups.LoadAsync(db, cancellationToken);
        var lookupTime = timer.Elapsed;
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        // Rows are independent: validate them on every core, then gather the problems in row order.
        var parsed = file.Rows.Where(r => !r.IsEmpty).AsParallel().AsOrdered()
            .Select(row => ParseRow(row, bindings, mapping, lookups))
            .ToList();
        foreach (var row in parsed)
        {
            errors.AddRange(row.Errors);
            warnings.AddRange(row.Warnings);
        }

        var parseTime = timer.Elapsed;
        FlagDuplicates(parsed, errors);
        var plan = Plan(parsed, mapping?.Mode ?? ImportMode.Upsert, lookups, errors);
        var planTime = timer.Elapsed;
        var columns = bindings.Select(b => $"{b.Header} → {b.Field}").ToList();

        if (errors.Count > 0 || dryRun)
        {
            return Report(false);
        }

        var (created, updated, unchanged) = await ApplyAsync(safeName, plan, cancellationToken);
        logger.LogInformation(
            "Import {File}: {Rows} rows; read {Read:F2}s, lookups {Lookups:F2}s, validate {Validate:F2}s, plan {Plan:F2}s, write+index {Write:F2}s",
            safeName, parsed.Count, readTime.TotalSeconds, (lookupTime - readTime).TotalSeconds, (parseTime - lookupTime).TotalSeconds, (planTime - parseTime).TotalSeconds, (timer.Elapsed - planTime).TotalSeconds);
        return Report(true, created, updated, unchanged);

        ImportReport Report(bool applied, int? created = null, int? updated = null, int? unchanged = null) => new(
            safeName, mapping?.Name, dryRun, applied, parsed.Count,
            created ?? plan.Count(p => p.Target is null && p.Skip is null),
            updated ?? plan.Count(p => p.Target is not null),
            unchanged ?? 0,
            plan.Where(p => p.Skip is not null).Select(p => new SkippedRow(p.Row.Number, p.Row.Name, p.Skip!)).ToList(),
            errors.OrderBy(e => e.Row).ToList(),
            warnings.OrderBy(w => w.Row).ToList(),
            columns,
            null);
    }

    private static (List<ColumnBinding> Bindings, string? Error) Bind(IReadOnlyList<string> headers, ImportMapping? mapping)
    {
        var bindings = new List<ColumnBinding>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            ColumnBinding binding;
            if (mapping is not null)
            {
                var entry = mapping.Columns.FirstOrDefault(c => string.Equals(ImportHeaders.Normalize(c.Key), ImportHeaders.Normalize(header), StringComparison.OrdinalIgnoreCase));
                if (entry.Key is null)
                {
                    continue;
                }

                var parts = entry.Value.Split(':', 2);
                if (!Enum.TryParse<ImportField>(parts[0], ignoreCase: true, out var field))
                {
                    return ([], $"列映射中的字段“{parts[0]}”未知 / the mapping names an unknown field '{parts[0]}'");
                }

                binding = new ColumnBinding(i, header, field, parts.Length > 1 ? ImportHeaders.MoneyFactor(parts[1]) : 1);
            }
            else
            {
                binding = ImportHeaders.Recognise(i, header);
            }

            if (binding.Field == ImportField.Ignore)
            {
                continue;
            }

            if (bindings.Any(b => b.Field == binding.Field))
            {
                return ([], $"两列都对应“{binding.Field}”：{bindings.First(b => b.Field == binding.Field).Header} 与 {header} / two columns fill the same field");
            }

            bindings.Add(binding);
        }

        if (bindings.All(b => b.Field != ImportField.Name))
        {
            return ([], "缺少“企业名称”列 / the file has no 企业名称 (enterprise name) column" + (mapping is null ? "；列名可用：企业名称、统一社会信用代码、所属板块、产业链环节、企业梯队/类型、成立日期、营业收入(万元)、研发投入(万元)、从业人数、年度" : string.Empty));
        }

        return (bindings, null);
    }

    private sealed class ParsedRow
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

    private static ParsedRow ParseRow(TabularRow row, List<ColumnBinding> bindings, ImportMapping? mapping, Lookups lookups)
    {
        var parsed = new ParsedRow { Number = row.Number };
        void Error(ColumnBinding b, string? value, string message)
        {
            parsed.Errors.Add(new ImportIssue(row.Number, b.Header, value, message, IssueSeverity.Error));
            parsed.HasErrors = true;
        }

        void Warn(ColumnBinding b, string? value, string message) =>
            parsed.Warnings.Add(new ImportIssue(row.Number, b.Header, value, message, IssueSeverity.Warning));

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
                    if (QuantityParser.TryParse(cell, out var people) && people.UpperValue is null && people.Value == Math.Floor(people.Value) && people.Value >= 0 && people.Value < int.MaxValue)
                    {
                        if (people.Qualifier != Qualifier.Exact)
                        {
                            Warn(binding, cell, $"约数，按 {people.Value} 人记录 / approximate figure");
                        }

                        parsed.Employees = (int)people.Value;
                    }
                    else
                    {
                        Error(binding, cell, "从业人数应为整数 / the head count must be a whole number");
                    }

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

        if ((parsed.Revenue is not null || parsed.RdSpend is not null || parsed.Employees is not null) && parsed.Year is null)
        {
            var figureColumn = bindings.First(b => b.Field is ImportField.Revenue or ImportField.RdSpend or ImportField.Employees);
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

    private static string[] SplitList(string cell) =>
        cell.Split(CellSeparators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void FlagDuplicates(List<ParsedRow> rows, List<ImportIssue> errors)
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

    private sealed record PlannedRow(ParsedRow Row, int? Target, string? Skip);

    private static List<PlannedRow> Plan(List<ParsedRow> rows, ImportMode mode, Lookups lookups, List<ImportIssue> errors)
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

    private async Task<(int Created, int Updated, int Unchanged)> ApplyAsync(string fileName, List<PlannedRow> plan, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow();
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            created = updated = unchanged = 0;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = plan.Where(p => p.Skip is null).ToList();

            // Updates go through EF, so only changed columns are written.
            var changedIds = new List<int>();
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                foreach (var chunk in rows.Where(p => p.Target is not null).Chunk(2000))
                {
                    var targetIds = chunk.Select(p => p.Target!.Value).Distinct().ToList();
                    var targets = await db.Set<Enterprise>()
                        .Where(e => targetIds.Contains(e.Id))
                        .Include(e => e.Names).Include(e => e.Tiers).Include(e => e.ChainLinks).Include(e => e.Figures).Include(e => e.Products)
                        .AsSplitQuery()
                        .ToDictionaryAsync(e => e.Id, cancellationToken);
                    foreach (var planned in chunk)
                    {
                        var enterprise = targets[planned.Target!.Value];
                        if (Merge(enterprise, planned.Row, fileName, today))
                        {
                            enterprise.UpdatedAt = now;
                            changedIds.Add(enterprise.Id);
                            updated++;
                        }
                        else
                        {
                            unchanged++;
                        }
                    }

                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }

            // New enterprises are written in bulk: keys reserved, then each table in one pass.
            var fresh = rows.Where(p => p.Target is null).Select(p =>
            {
                var enterprise = new Enterprise { CreatedAt = now, UpdatedAt = now };
                Merge(enterprise, p.Row, fileName, today);
                return enterprise;
            }).ToList();
            var keys = await BulkInsert.ReserveKeysAsync<Enterprise>(db, fresh.Count, cancellationToken);
            for (var i = 0; i < fresh.Count; i++)
            {
                var enterprise = fresh[i];
                enterprise.Id = keys[i];
                enterprise.Names.ForEach(n => n.EnterpriseId = enterprise.Id);
                enterprise.ChainLinks.ForEach(l => l.EnterpriseId = enterprise.Id);
                enterprise.Tiers.ForEach(t => t.EnterpriseId = enterprise.Id);
                enterprise.Figures.ForEach(f => f.EnterpriseId = enterprise.Id);
                enterprise.Products.ForEach(p => p.EnterpriseId = enterprise.Id);
            }

            var bulkTimer = System.Diagnostics.Stopwatch.StartNew();
            await BulkInsert.InsertAsync(db, fresh, withKeys: true, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Names).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.ChainLinks).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Tiers).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Figures).ToList(), withKeys: false, cancellationToken);
            await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Products).ToList(), withKeys: false, cancellationToken);
            created = fresh.Count;

            var insertTime = bulkTimer.Elapsed;
            await indexer.IndexAsync(db, changedIds, cancellationToken);
            await indexer.IndexLoadedAsync(db, fresh, cancellationToken);

            // New rows bypass the change tracker, so the import records them itself, in the same transaction.
            audit.Add("import", "enterprises", null, "ok",
                $"{fileName}: {created} created (ids {(fresh.Count == 0 ? "-" : $"{fresh[0].Id}–{fresh[^1].Id}")}), {updated} updated, {unchanged} unchanged");
            await db.SaveChangesAsync(cancellationToken);
            logger.LogDebug("Import: {Created} new enterprises inserted in {Insert:F2}s, indexed in {Index:F2}s", fresh.Count, insertTime.TotalSeconds, (bulkTimer.Elapsed - insertTime).TotalSeconds);
            await transaction.CommitAsync(cancellationToken);
        });
        return (created, updated, unchanged);
    }

    /// <summary>Writes the row's non-empty cells into the enterprise; true when anything changed.</summary>
    private static bool Merge(Enterprise e, ParsedRow row, string fileName, DateOnly today)
    {
        var changed = false;
        Provenance Source(ImportField field) =>
            row.Cells.TryGetValue(field, out var cell)
                ? Provenance.FromImport(fileName, row.Number, cell.Header, cell.Cell, today)
                : Provenance.FromImport(fileName, row.Number, "(implied by the mapping)", null, today);

        if (e.Id == 0)
        {
            e.Name = row.Name;
            e.Names.Add(new EnterpriseName { Name = row.Name, MatchKey = row.NameKey, Kind = EnterpriseNameKind.Legal, Source = Source(ImportField.Name) });
            changed = true;
        }

        if (row.CreditCode is not null && e.CreditCode != row.CreditCode)
        {
            e.CreditCode = row.CreditCode;
            changed = true;
        }

        if (row.District is not null && e.DistrictId != row.District.Id)
        {
            e.DistrictId = row.District.Id;
            e.DistrictSource = Source(ImportField.District);
            changed = true;
        }

        if (row.City is not null && e.City != row.City)
        {
            e.City = row.City;
            changed = true;
        }

        if (row.EstablishedYear is not null && (e.EstablishedYear != row.EstablishedYear || e.EstablishedOn != (row.EstablishedOn ?? e.EstablishedOn)))
        {
            e.EstablishedYear = row.EstablishedYear;
            e.EstablishedOn = row.EstablishedOn ?? e.EstablishedOn;
            e.EstablishedSource = Source(ImportField.EstablishedOn);
            changed = true;
        }

        if (row.Business is not null && e.Business != row.Business)
        {
            e.Business = row.Business;
            changed = true;
        }

        foreach (var former in row.FormerNames)
        {
            var key = NameKey.For(former);
            if (!e.Names.Exists(n => n.MatchKey == key))
            {
                e.Names.Add(new EnterpriseName { Name = former, MatchKey = key, Kind = EnterpriseNameKind.Former, Source = Source(ImportField.FormerNames) });
                changed = true;
            }
        }

        foreach (var node in row.Nodes.DistinctBy(n => n.Id))
        {
            if (!e.ChainLinks.Exists(l => l.ChainNodeId == node.Id))
            {
                e.ChainLinks.Add(new EnterpriseChainLink { ChainNodeId = node.Id, Source = Source(ImportField.ChainNodes) });
                changed = true;
            }
        }

        foreach (var tier in row.Tiers)
        {
            var existing = e.Tiers.Find(t => t.Tier == tier.Tier && (t.Level == tier.Level || tier.Level == TierLevel.Unspecified || t.Level == TierLevel.Unspecified));
            var listedOn = tier.Tier == Tier.Listed ? row.ListedOn : null;
            var securityCode = tier.Tier == Tier.Listed ? row.SecurityCode : null;
            var source = tier.Tier == Tier.Listed && row.Cells.ContainsKey(ImportField.ListedOn) ? Source(ImportField.ListedOn) : Source(ImportField.Tiers);
            if (existing is null)
            {
                e.Tiers.Add(new EnterpriseTier { Tier = tier.Tier, Level = tier.Level, Year = tier.Year, ListedOn = listedOn, SecurityCode = securityCode, Source = source });
                changed = true;
            }
            else if ((tier.Year is not null && existing.Year != tier.Year) || (listedOn is not null && existing.ListedOn != listedOn)
                || (securityCode is not null && existing.SecurityCode != securityCode) || (tier.Level != TierLevel.Unspecified && existing.Level != tier.Level))
            {
                existing.Year = tier.Year ?? existing.Year;
                existing.ListedOn = listedOn ?? existing.ListedOn;
                existing.SecurityCode = securityCode ?? existing.SecurityCode;
                existing.Level = tier.Level == TierLevel.Unspecified ? existing.Level : tier.Level;
                existing.Source = source;
                changed = true;
            }
        }

        if (row.Year is { } year && (row.Revenue is not null || row.RdSpend is not null || row.Employees is not null))
        {
            var figure = e.Figures.Find(f => f.Year == year);
            if (figure is null)
            {
                e.Figures.Add(new YearlyFigure { Year = year, Revenue = row.Revenue, RdSpend = row.RdSpend, Employees = row.Employees, Source = Source(ImportField.Year) });
                changed = true;
            }
            else if ((row.Revenue is not null && figure.Revenue != row.Revenue) || (row.RdSpend is not null && figure.RdSpend != row.RdSpend) || (row.Employees is not null && figure.Employees != row.Employees))
            {
                figure.Revenue = row.Revenue ?? figure.Revenue;
                figure.RdSpend = row.RdSpend ?? figure.RdSpend;
                figure.Employees = row.Employees ?? figure.Employees;
                figure.Source = Source(ImportField.Year);
                changed = true;
            }
        }

        foreach (var product in row.Products)
        {
            if (!e.Products.Exists(p => p.Name == product))
            {
                e.Products.Add(new Product { Name = product, Source = Source(ImportField.Products) });
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Everything matching needs, loaded once per import.</summary>
    private sealed class Lookups
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
}
