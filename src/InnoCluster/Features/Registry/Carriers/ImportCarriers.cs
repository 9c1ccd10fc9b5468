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
/// checks one carrier (<see cref="SaveCarrier.Check"/>) and, when it gives a stage, as a stage is recorded. A dry run
/// reports every problem by row and column; an import writes all rows or none. A carrier the registry already
/// holds (by name or alias) is skipped and reported, as is a row repeating an earlier one. The file and row are
/// each stage's source, with the 来源 the row names.
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
        var held = (await db.Set<Carrier>().AsNoTracking().Select(c => new { c.Name, c.Aliases }).ToListAsync(cancellationToken))
            .SelectMany(c => c.Aliases.Append(c.Name)).Select(Key).ToHashSet(StringComparer.Ordinal);
        var header = CarrierSheet.Columns.ToDictionary(c => c.Field, c => c.Header, StringComparer.Ordinal);
        var errors = new List<ImportIssue>();
        var skipped = new List<SkippedRow>();
        var carriers = new List<Carrier>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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

            if (problems.Count > 0 || sizeUnreadable)
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

            if (!seen.Add(Key(carrier.Name)))
            {
                skipped.Add(new SkippedRow(row.Number, carrier.Name, "与文件中前面的行重复 / repeats an earlier row"));
            }
            else if (held.Contains(Key(carrier.Name)))
            {
                skipped.Add(new SkippedRow(row.Number, carrier.Name, "登记库已有此载体 / already in the registry"));
            }
            else
            {
                carriers.Add(carrier);
            }
        }

        var apply = !dryRun && errors.Count == 0;
        if (apply && carriers.Count > 0)
        {
            db.AddRange(carriers);
            audit.Add("carrier-import", "carriers", null, "ok", $"{safeName}: {carriers.Count} added, {skipped.Count} skipped");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportReport(safeName, null, dryRun, apply, rows.Count, carriers.Count, 0, 0, skipped, errors, [], [.. file.Headers], null);
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

        var provenance = new Provenance
        {
            Kind = ProvenanceKind.Import, Source = file, Locator = $"row {row}", SourceDate = today, Note = source,
            Quote = cell(CarrierSheet.Quote),
        };
        return carrier.RecordStage(stage, on, year, provenance, by, today);
    }

    private static string Key(string name) => TextNormalizer.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
}
