using System.Globalization;

namespace InnoCluster.Bench;

// Usage: dotnet run -c Release --project bench/InnoCluster.Bench -- registry [--db sqlite|postgres|both] [--rows 100000] [--requests 200]
public static class BenchMain
{
    public static async Task Main(string[] args)
    {

        // Usage: dotnet run -c Release --project bench/InnoCluster.Bench -- registry [--db sqlite|postgres|both] [--rows 100000] [--requests 200]
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
                _ => throw new ArgumentException($"unknown suite '{suite}' (registry)"),
            };
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }
    }
}
