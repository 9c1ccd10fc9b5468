using System.Text.Json;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Cli;

namespace InnoCluster.Features.Registry;

public sealed class ImportEnterprisesVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["import", "enterprises"];

    public string Usage => "import enterprises FILE [--dry-run] [--mapping NAME] [--json]   import .xlsx/.csv (all-or-nothing)";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var path = command.Word(2);
        if (path is null)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"{path}: 文件不存在 / no such file");
            return 1;
        }

        var import = services.GetRequiredService<EnterpriseImport>();
        await using var stream = File.OpenRead(path);
        var report = await import.RunAsync(path, stream, command.Option("mapping"), command.Flag("dry-run"), cancellationToken);
        if (command.Flag("json"))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
        }
        else
        {
            await WriteReportAsync(report, output);
        }

        return report.HasErrors ? 1 : 0;
    }

    internal static async Task WriteReportAsync(ImportReport report, TextWriter output)
    {
        if (report.FileError is not null)
        {
            await output.WriteLineAsync("ERROR " + report.FileError);
            return;
        }

        await output.WriteLineAsync($"{report.File}: {report.Rows} rows{(report.Mapping is null ? string.Empty : $" (mapping {report.Mapping})")}");
        await output.WriteLineAsync("Columns: " + string.Join(", ", report.Columns));
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"ERROR   row {error.Row}{(error.Column is null ? string.Empty : ", " + error.Column)}{(error.Value is null ? string.Empty : $" “{error.Value}”")}: {error.Message}");
        }

        foreach (var warning in report.Warnings)
        {
            await output.WriteLineAsync($"WARNING row {warning.Row}{(warning.Column is null ? string.Empty : ", " + warning.Column)}{(warning.Value is null ? string.Empty : $" “{warning.Value}”")}: {warning.Message}");
        }

        foreach (var skipped in report.Skipped.Take(20))
        {
            await output.WriteLineAsync($"SKIPPED row {skipped.Row} {skipped.Name}: {skipped.Reason}");
        }

        if (report.Skipped.Count > 20)
        {
            await output.WriteLineAsync($"SKIPPED … and {report.Skipped.Count - 20} more rows (use --json for the full list)");
        }

        var verb = report.Applied ? "Imported" : report.DryRun && !report.HasErrors ? "Dry run, would import" : "Nothing imported";
        await output.WriteLineAsync($"{verb}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Skipped.Count} skipped, {report.Errors.Count} errors, {report.Warnings.Count} warnings.");
    }
}

public sealed class ExportEnterprisesVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["export", "enterprises"];

    public string Usage => "export enterprises FILE.xlsx [--q TEXT] [--district CODE] [--tier KEY] [--node CODE]";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var path = command.Word(2);
        if (path is null)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        var query = new ListEnterprises.Query(command.Option("q"), command.Option("district"), command.Option("tier"), command.Option("node"));
        var export = services.GetRequiredService<ExportEnterprises>();
        var temporary = path + ".partial";
        int count;
        await using (var stream = File.Create(temporary))
        {
            count = await export.WriteAsync(query, stream, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync($"Exported {count} enterprises to {path}");
        return 0;
    }
}

public sealed class MappingsVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["mappings"];

    public string Usage => "mappings [save FILE.json]    list saved import column mappings, or save one from JSON";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var mappings = services.GetRequiredService<ImportMappings>();
        if (command.Word(1) == "save" && command.Word(2) is { } file)
        {
            var dto = JsonSerializer.Deserialize<ImportMappings.MappingDto>(await File.ReadAllTextAsync(file, cancellationToken), JsonSerializerOptions.Web);
            if (dto is null)
            {
                await output.WriteLineAsync($"{file}: empty");
                return 1;
            }

            var problems = await mappings.SaveAsync(dto, cancellationToken);
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("ERROR " + problem);
            }

            return problems.Count == 0 ? 0 : 1;
        }

        foreach (var mapping in await mappings.ListAsync(cancellationToken))
        {
            await output.WriteLineAsync($"{mapping.Name} ({mapping.Mode}): {string.Join(", ", mapping.Columns.Select(c => $"{c.Key}→{c.Value}"))}; tiers: {string.Join(", ", mapping.ImpliedTiers)}");
        }

        return 0;
    }
}
