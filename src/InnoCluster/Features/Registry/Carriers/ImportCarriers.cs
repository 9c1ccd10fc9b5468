using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An official imports the office's carriers spreadsheet (<see cref="CarrierSheet"/>): each row checked as the API
/// checks one carrier (<see cref="SaveCarrier.Check"/>) and, when it gives a stage or a capacity, as those are recorded
/// (<see cref="CarrierCapacity.Check"/>). A dry run reports every problem by row and column; an import writes all rows
/// or none. A carrier the registry already holds (by name or alias), or a row repeating an earlier one, is skipped and
/// reported — unless the row gives a capacity reading, which is then added to that carrier (a reading it already has
/// counts as unchanged) with a warning that the row's other cells were not applied. The file and row are each stage's
/// and reading's source, with the 来源 the row names.
/// </summary>
public sealed class ImportCarriers(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock, IOptions<ImportOptions> options)
{
    public async Task<ImportReport> RunAsync(string fileName, Stream content, bool dryRun, string importedBy, CancellationToken cancellationToken)
    {
        var safeName = Path.GetFileName(fileName);
        var (file, refused) = ImportUpload.Read(safeName, content, options.Value, null, dryRun);
        if (file is null)
        {
            return refused!;
        }

        var at = ImportUpload.Columns(file);
        if (new[] { CarrierSheet.Name, CarrierSheet.Kind, CarrierSheet.Source }.Where(h => !at.ContainsKey(h)).ToList() is { Count: > 0 } missing)
        {
            return ImportReport.ForFileError(safeName, null, dryRun, $"缺少列：{string.Join("、", missing)}（请用载体导入模板） / missing columns: {string.Join(", ", missing)} (use the template)");
        }

        var today = BeijingTime.Today(clock);
        var districts = await db.Set<District>().AsNoTracking().ToListAsync(cancellationToken);
        var firms = await RegisteredFirms.LoadAsync(db, cancellationToken);
        var lookups = new SaveCarrier.Lookups(
            districts.ToDictionary(d => d.Code, StringComparer.Ordinal),
            await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, cancellationToken),
            firms.Names);
        var held = (await db.Set<Carrier>().AsNoTracking().Select(c => new { c.Id, c.Kind, c.Name, c.Aliases }).ToListAsync(cancellationToken))
            .SelectMany(c => c.Aliases.Append(c.Name).Select(name => (Key: Key(name), Carrier: (c.Id, c.Kind))))
            .DistinctBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Carrier, StringComparer.Ordinal);
        var heldReadings = (await db.Set<CarrierCapacity>().AsNoTracking().Select(r => new { r.CarrierId, r.AsOf, r.Year, r.TotalPeta, r.IntelligentPeta }).ToListAsync(cancellationToken))
            .Select(r => (r.CarrierId, r.AsOf, r.Year, r.TotalPeta, r.IntelligentPeta)).ToHashSet();
        var readings = new List<CarrierCapacity>();
        var warnings = new List<ImportIssue>();
        var unchanged = 0;
        var header = CarrierSheet.Columns.ToDictionary(c => c.Field, c => c.Header, StringComparer.Ordinal);
        var errors = new List<ImportIssue>();
        var skipped = new List<SkippedRow>();
        var carriers = new List<Carrier>();
        var seen = new Dictionary<string, Carrier>(StringComparer.Ordinal);
        var rows = file.Rows.Where(r => !r.IsEmpty).ToList();
        foreach (var row in rows)
        {
            string? Cell(string column) => at.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(row[i]) ? row[i]!.Trim() : null;
            void Refuse(string column, string message) => errors.Add(new ImportIssue(row.Number, column, Cell(column), message, IssueSeverity.Error));

            var district = Cell(CarrierSheet.District) is { } place
                ? districts.FirstOrDefault(d => d.Code == place || d.Name == place || d.Aliases.Contains(place))?.Code ?? place
                : null;
            var backers = CarrierSheet.Names(Cell(CarrierSheet.Backers))
                .Select(name => firms.Named(name) is { } firmId ? new SaveCarrier.Backer(firmId, null) : new SaveCarrier.Backer(null, name)).ToList();
            decimal? fundSize = null;
            var sizeUnreadable = Cell(CarrierSheet.FundSize) is { } sizeCell && !CarrierSheet.TryReadYi(sizeCell, out fundSize);
            if (sizeUnreadable)
            {
                Refuse(CarrierSheet.FundSize, "无法识别的规模（请写数字，以亿元计） / not a size (a number, in 亿元)");
            }

            var request = new SaveCarrier.Request(Cell(CarrierSheet.Name), CarrierSheet.KindKey(Cell(CarrierSheet.Kind)), CarrierSheet.LevelKey(Cell(CarrierSheet.Level)), district, null, null,
                Cell(CarrierSheet.ApprovingBody), null, null, backers, fundSize, Cell(CarrierSheet.FundManager), Cell(CarrierSheet.FundFocus));
            var (problems, kind, resolved, nodes) = SaveCarrier.Check(request, lookups);
            foreach (var problem in problems)
            {
                Refuse(header.GetValueOrDefault(problem.Field, CarrierSheet.Name), problem.Message);
            }

            if (Cell(CarrierSheet.Source) is not { Length: <= 300 } source)
            {
                Refuse(CarrierSheet.Source, "请写明来源（批复、名单或通知），不超过300字 / the source is required, at most 300 characters");
                continue;
            }

            var capacity = ReadCapacity(Cell, Refuse);
            if (problems.Count > 0 || sizeUnreadable || capacity is null)
            {
                continue;
            }

            var carrier = Carrier.ByTheOffice();
            SaveCarrier.Apply(carrier, request, kind, resolved, nodes, lookups.Firms);
            if (Stage(carrier, Cell, today, source, importedBy, safeName, row.Number) is { } stageProblem)
            {
                foreach (var (field, messages) in stageProblem.ByField)
                {
                    Refuse(header.GetValueOrDefault(field, CarrierSheet.Stage), string.Join(" ", messages));
                }

                continue;
            }

            var provenance = RowSource(Cell, today, source, safeName, row.Number);
            Problem? Reading(CarrierKind kind, Action<CarrierCapacity> keep)
            {
                if (CarrierCapacity.Check(kind, capacity.Total, capacity.Intelligent, capacity.AsOf, capacity.Year, today) is { } refused)
                {
                    return refused;
                }

                keep(new CarrierCapacity
                {
                    AsOf = capacity.AsOf, Year = capacity.Year ?? capacity.AsOf!.Value.Year, TotalPeta = capacity.Total, IntelligentPeta = capacity.Intelligent,
                    Source = provenance, EnteredBy = importedBy,
                });
                return null;
            }

            Problem? readingRefused = null;
            if (seen.TryGetValue(Key(carrier.Name), out var earlier))
            {
                if (capacity.Given)
                {
                    readingRefused = Reading(earlier.Kind, earlier.Capacities.Add);
                    warnings.Add(new ImportIssue(row.Number, null, carrier.Name, "与前面的行是同一载体：本行只记录算力读数，其余各列未用 / the same carrier as an earlier row: this row records only its capacity reading; its other cells are not applied", IssueSeverity.Warning));
                }
                else
                {
                    skipped.Add(new SkippedRow(row.Number, carrier.Name, "与文件中前面的行重复 / repeats an earlier row"));
                }
            }
            else if (held.TryGetValue(Key(carrier.Name), out var standing))
            {
                if (!capacity.Given)
                {
                    skipped.Add(new SkippedRow(row.Number, carrier.Name, "登记库已有此载体 / already in the registry"));
                }
                else if (heldReadings.Contains((standing.Id, capacity.AsOf, capacity.Year ?? capacity.AsOf?.Year ?? 0, capacity.Total, capacity.Intelligent)))
                {
                    unchanged++;
                }
                else
                {
                    readingRefused = Reading(standing.Kind, r => { r.CarrierId = standing.Id; readings.Add(r); });
                    warnings.Add(new ImportIssue(row.Number, null, carrier.Name, "登记库已有此载体：本行只记录算力读数，其余各列未更改 / already in the registry: this row records only the capacity reading; its other cells are not applied", IssueSeverity.Warning));
                }
            }
            else
            {
                readingRefused = capacity.Given ? Reading(carrier.Kind, carrier.Capacities.Add) : null;
                seen[Key(carrier.Name)] = carrier;
                carriers.Add(carrier);
            }

            foreach (var (field, messages) in readingRefused?.ByField ?? new Dictionary<string, string[]>())
            {
                Refuse(header.GetValueOrDefault(field, CarrierSheet.TotalPeta), string.Join(" ", messages));
            }
        }

        var apply = !dryRun && errors.Count == 0;
        if (apply && carriers.Count + readings.Count > 0)
        {
            db.AddRange(carriers);
            db.AddRange(readings);
            audit.Add("carrier-import", "carriers", null, "ok", $"{safeName}: {carriers.Count} added, {readings.Count} capacity readings on held carriers, {skipped.Count} skipped");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportReport(safeName, null, dryRun, apply, rows.Count, carriers.Count, readings.Count, unchanged, skipped, errors, warnings, [.. file.Headers], null);
    }

    /// <summary>The row's stage, when it gives one, recorded on the new carrier by the carrier's own rule; the problem otherwise.</summary>
    private static Problem? Stage(Carrier carrier, Func<string, string?> cell, DateOnly today, string source, string by, string file, int row)
    {
        var (stageCell, dateCell, yearCell) = (cell(CarrierSheet.Stage), cell(CarrierSheet.StageDate), cell(CarrierSheet.StageYear));
        if (stageCell is null)
        {
            return dateCell is null && yearCell is null ? null : Problem.Invalid("stage", "有日期或年份时须写明阶段 / a date or year needs its stage");
        }

        if (!CarrierSheet.TryStage(stageCell, out var stage))
        {
            return Problem.Invalid("stage", "阶段应为 筹建、建成、认定（授牌）或 撤销 / the stage: 筹建, 建成, 认定 or 撤销");
        }

        DateOnly? on = null;
        int? year = null;
        if (dateCell is not null)
        {
            if (!ImportDates.TryParseDate(dateCell, out var day))
            {
                return Problem.Invalid("on", "无法识别的日期 / not a date");
            }

            on = day;
        }

        if (yearCell is not null)
        {
            if (!ImportDates.TryParseYear(yearCell, out var parsedYear))
            {
                return Problem.Invalid("year", "无法识别的年份 / not a year");
            }

            year = parsedYear;
        }

        return carrier.RecordStage(stage, on, year, RowSource(cell, today, source, file, row), by, today);
    }

    /// <summary>The file and row as a record's source, with the 来源 and 原文 the row names.</summary>
    private static Provenance RowSource(Func<string, string?> cell, DateOnly today, string source, string file, int row) => new()
    {
        Kind = ProvenanceKind.Import, Source = file, Locator = $"row {row}", SourceDate = today, Note = source, Quote = cell(CarrierSheet.Quote),
    };

    /// <summary>The capacity cells of a row, read as numbers, a day and a year; null (each cell refused) when one does not read.</summary>
    private static CapacityCells? ReadCapacity(Func<string, string?> cell, Action<string, string> refuse)
    {
        var readable = true;
        decimal? Peta(string column)
        {
            decimal? value = null;
            if (cell(column) is { } text && !CarrierSheet.TryReadPeta(text, out value))
            {
                refuse(column, "无法识别的算力（请写数字，以P计） / not a capacity (a number, in P)");
                readable = false;
            }

            return value;
        }

        var (total, intelligent) = (Peta(CarrierSheet.TotalPeta), Peta(CarrierSheet.IntelligentPeta));
        DateOnly? asOf = null;
        if (cell(CarrierSheet.CapacityDate) is { } dayText)
        {
            if (ImportDates.TryParseDate(dayText, out var day))
            {
                asOf = day;
            }
            else
            {
                refuse(CarrierSheet.CapacityDate, "无法识别的日期 / not a date");
                readable = false;
            }
        }

        int? year = null;
        if (cell(CarrierSheet.CapacityYear) is { } yearText)
        {
            if (ImportDates.TryParseYear(yearText, out var parsed))
            {
                year = parsed;
            }
            else
            {
                refuse(CarrierSheet.CapacityYear, "无法识别的年份 / not a year");
                readable = false;
            }
        }

        var given = total is not null || intelligent is not null || asOf is not null || year is not null;
        return readable ? new CapacityCells(given, total, intelligent, asOf, year) : null;
    }

    private sealed record CapacityCells(bool Given, decimal? Total, decimal? Intelligent, DateOnly? AsOf, int? Year);

    private static string Key(string name) => TextNormalizer.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
}
