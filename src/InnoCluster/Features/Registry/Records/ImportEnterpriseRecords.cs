using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An official imports a spreadsheet of one kind of record (a tier list, a certified-products list, standards,
/// filings): each row is matched to a registered firm (by credit code, else by name) and checked as the API
/// checks one record. A dry run reports every problem by row and column; an import writes all rows or none.
/// A row the registry already holds is skipped and reported. Each record's source is the file and its row.
/// </summary>
public sealed class ImportEnterpriseRecords(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock, IOptions<ImportOptions> options)
{
    public async Task<ImportReport> RunAsync(RecordKind kind, string fileName, Stream content, bool dryRun, string importedBy, CancellationToken cancellationToken)
    {
        var safeName = Path.GetFileName(fileName);
        var (file, refused) = ImportUpload.Read(safeName, content, options.Value, null, dryRun);
        if (file is null)
        {
            return refused!;
        }

        var columns = RecordSheet.Columns(kind);
        var at = ImportUpload.Columns(file);
        var missing = columns.Where(c => c.Header is RecordSheet.Firm or "来源" && !at.ContainsKey(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.ForFileError(safeName, null, dryRun,
                $"缺少列：{string.Join("、", missing)}（请用“{RecordSheet.SheetName(kind)}”模板） / missing columns: {string.Join(", ", missing)} (use the template)");
        }

        var today = BeijingTime.Today(clock);
        var firms = await RegisteredFirms.LoadAsync(db, cancellationToken);
        var errors = new List<ImportIssue>();
        var skipped = new List<SkippedRow>();
        var records = new List<EnterpriseRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = file.Rows.Where(r => !r.IsEmpty).ToList();
        string? CellOf(TabularRow row, string header) => at.TryGetValue(header, out var i) ? row[i] : null;
        var matched = rows.Select(r => firms.Match(CellOf(r, RecordSheet.CreditCode), CellOf(r, RecordSheet.Firm))).ToList();
        var held = await HeldAsync(kind, [.. matched.Where(m => m.Id is not null).Select(m => m.Id!.Value).Distinct()], cancellationToken);
        foreach (var (row, (firmId, firmError)) in rows.Zip(matched))
        {
            string? Cell(string header) => CellOf(row, header);
            string HeaderOf(string field) => columns.FirstOrDefault(c => c.Field == field)?.Header ?? field;
            string? FieldCell(string field) => Cell(HeaderOf(field));

            if (firmError is not null)
            {
                errors.Add(new ImportIssue(row.Number, Cell(RecordSheet.CreditCode) is { Length: > 0 } ? RecordSheet.CreditCode : RecordSheet.Firm, Cell(RecordSheet.Firm), firmError, IssueSeverity.Error));
            }

            var unreadable = new List<string>();
            var request = RecordSheet.Request(kind, FieldCell, unreadable);
            foreach (var field in unreadable)
            {
                var (zh, en) = field switch { "year" => ("年份", "a year"), "amount" => ("金额（请写数字，以万元计）", "an amount (a number, in units of 10,000 yuan)"), _ => ("日期", "a date") };
                errors.Add(new ImportIssue(row.Number, HeaderOf(field), FieldCell(field), $"无法识别的{zh} / not {en}", IssueSeverity.Error));
            }

            var (problems, record, repeats, describe) = request switch
            {
                DesignationRequest d => Prepare(d, firmId, held, today),
                CertificationRequest c => Prepare(c, firmId, held, today),
                StandardRequest s => Prepare(s, firmId, held, today),
                FilingRequest f => Prepare(f, firmId, held, today),
                FinancingRequest m => Prepare(m, firmId, held, today),
                _ => throw new InvalidOperationException(),
            };
            errors.AddRange(problems.Where(p => !unreadable.Contains(p.Field)).Select(p => new ImportIssue(row.Number, HeaderOf(p.Field), FieldCell(p.Field), p.Message, IssueSeverity.Error)));
            if (firmId is null || problems.Count > 0 || unreadable.Count > 0)
            {
                continue;
            }

            if (!seen.Add($"{firmId}|{describe}"))
            {
                skipped.Add(new SkippedRow(row.Number, Cell(RecordSheet.Firm) ?? "", $"与文件中前面的行重复：{describe} / repeats an earlier row"));
            }
            else if (repeats())
            {
                skipped.Add(new SkippedRow(row.Number, Cell(RecordSheet.Firm) ?? "", $"登记库已有此记录：{describe} / already recorded"));
            }
            else
            {
                record!.EnterpriseId = firmId.Value;
                record.Status = RecordStatus.Confirmed;
                record.EnteredBy = importedBy;
                record.ReviewedBy = importedBy;
                record.ReviewedAt = clock.GetUtcNow();
                record.Source = new Provenance
                {
                    Kind = ProvenanceKind.Import, Source = safeName, Locator = $"row {row.Number}", SourceDate = today,
                    Quote = string.IsNullOrWhiteSpace(Cell("原文")) ? null : Cell("原文")!.Trim(), Note = Cell("来源")!.Trim(),
                };
                records.Add(record);
            }
        }

        var apply = !dryRun && errors.Count == 0;
        if (apply && records.Count > 0)
        {
            db.AddRange(records);
            audit.Add("record-import", "enterprise_" + kind.ToString().ToLowerInvariant(), null, "ok", $"{safeName}: {records.Count} added, {skipped.Count} skipped");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportReport(safeName, null, dryRun, apply, rows.Count, records.Count, 0, 0, skipped, errors, [], [.. file.Headers], null);
    }

    /// <summary>The row checked and built, and whether the registry already holds it — read against the firm's records loaded once for the whole file.</summary>
    private static (List<FieldError> Problems, EnterpriseRecord? Record, Func<bool> Repeats, string Describe) Prepare<T>(IRecordRequest<T> request, int? firmId, ILookup<int, EnterpriseRecord> held, DateOnly today)
        where T : EnterpriseRecord
    {
        var problems = request.Check(today).ToList();
        return (problems, problems.Count == 0 ? request.Build() : null,
            () => held[firmId ?? 0].OfType<T>().Any(request.Repeats(firmId ?? 0).Compile(preferInterpretation: true)), problems.Count == 0 ? request.Describe() : "");
    }

    /// <summary>The records of this kind the file's firms hold, in a few queries rather than one per row.</summary>
    private Task<ILookup<int, EnterpriseRecord>> HeldAsync(RecordKind kind, IReadOnlyList<int> firmIds, CancellationToken cancellationToken) => kind switch
    {
        RecordKind.Designations => HeldAsync<EnterpriseTier>(firmIds, cancellationToken),
        RecordKind.Certifications => HeldAsync<ProductCertification>(firmIds, cancellationToken),
        RecordKind.Standards => HeldAsync<StandardRecord>(firmIds, cancellationToken),
        RecordKind.Financing => HeldAsync<FinancingRecord>(firmIds, cancellationToken),
        _ => HeldAsync<Filing>(firmIds, cancellationToken),
    };

    private async Task<ILookup<int, EnterpriseRecord>> HeldAsync<T>(IReadOnlyList<int> firmIds, CancellationToken cancellationToken)
        where T : EnterpriseRecord
    {
        var held = new List<EnterpriseRecord>();
        foreach (var chunk in firmIds.Chunk(500))
        {
            held.AddRange(await db.Set<T>().AsNoTracking().Where(r => chunk.Contains(r.EnterpriseId)).ToListAsync(cancellationToken));
        }

        return held.ToLookup(r => r.EnterpriseId);
    }
}
