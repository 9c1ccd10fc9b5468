using System.Globalization;

namespace InnoCluster.Bench;

// Usage: dotnet run -c Release --project bench/InnoCluster.Bench -- registry|documents|laws [--db sqlite|postgres|both]
//   registry [--rows 100000] [--requests 200]; calculator [--rows 100000] [--clauses 1000] [--requests 200]; plans [--rows 100000] [--targets 200] [--requests 200]; workspace [--rows 100000] [--clauses 1000] [--calls 500] [--demands 10000] [--people 100000]; servicedesk [--appeals 100000] [--requests 200]; writeburst [--writers 50] [--writes 5] [--idle 30]; drills [--clients 100] [--seconds 60] [--rows 100000] [--only load,pg-restart,kill-import,kill-batch,kill-cli,full-disk]; documents [--docs 10000,100000] [--requests 200]; laws [--folder DIR]
public static class BenchMain
{
    public static async Task Main(string[] args)
    {
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "registry";
        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var db = Option("db", "sqlite");
        var providers = db == "both" ? new[] { "sqlite", "postgres" } : [db];
        var rows = int.Parse(Option("rows", "100000"), CultureInfo.InvariantCulture);
        var requests = int.Parse(Option("requests", "200"), CultureInfo.InvariantCulture);

        Console.WriteLine($"InnoCluster bench '{suite}', {Environment.ProcessorCount} cores, .NET {Environment.Version}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd}");
        Console.WriteLine("| database | measure | figure | figure | note |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var provider in providers)
        {
            var lines = suite switch
            {
                "registry" => await RegistryBench.RunAsync(provider, rows, requests),
                "documents" => await DocumentBench.RunAsync(provider, [.. Option("docs", "10000,100000").Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture))], requests),
                "documents-cpu" => DocumentCpuBench.Run(rows == 100000 ? 2000 : rows),
                "sql" => await SqlTiming.RunAsync(Option("database", ""), Option("file", "")),
                "laws" => await DocumentBench.LawsAsync(provider, Option("folder", "/tmp/laws")),
                "scenarios" => await ScenarioBench.RunAsync(provider, rows, int.Parse(Option("demands", "5000"), CultureInfo.InvariantCulture), requests),
                "calculator" => await CalculatorBench.RunAsync(provider, rows, int.Parse(Option("clauses", "1000"), CultureInfo.InvariantCulture), requests),
                "servicedesk" => await ServiceDeskBench.RunAsync(provider, int.Parse(Option("appeals", "100000"), CultureInfo.InvariantCulture), requests),
                "calls" => await CallsBench.RunAsync(provider, int.Parse(Option("applications", "2000"), CultureInfo.InvariantCulture), int.Parse(Option("experts", "120"), CultureInfo.InvariantCulture), requests),
                "workspace" => await WorkspaceBench.RunAsync(provider, rows, int.Parse(Option("clauses", "1000"), CultureInfo.InvariantCulture), int.Parse(Option("calls", "500"), CultureInfo.InvariantCulture), int.Parse(Option("demands", "10000"), CultureInfo.InvariantCulture), int.Parse(Option("people", "100000"), CultureInfo.InvariantCulture)),
                "plans" => await PlanBench.RunAsync(provider, rows, int.Parse(Option("targets", "200"), CultureInfo.InvariantCulture), requests),
                "writeburst" => await WriteBurstBench.RunAsync(provider, int.Parse(Option("writers", "50"), CultureInfo.InvariantCulture), int.Parse(Option("writes", "5"), CultureInfo.InvariantCulture), int.Parse(Option("idle", "30"), CultureInfo.InvariantCulture)),
                "drills" => await DrillBench.RunAsync(provider, int.Parse(Option("clients", "100"), CultureInfo.InvariantCulture), int.Parse(Option("seconds", "60"), CultureInfo.InvariantCulture), rows, Option("only", "all")),
                _ => throw new ArgumentException($"unknown suite '{suite}' (registry, documents, laws, calculator, scenarios, calls, plans, workspace, servicedesk, writeburst, drills)"),
            };
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }
    }
}
