using System.Diagnostics;
using System.Globalization;

namespace InnoCluster.Bench;

/// <summary>The built platform started as its own process on a free loopback port, on a fresh database.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly BenchDatabase _database;

    private readonly bool _ownsDatabase;

    private ServerProcess(Process process, BenchDatabase database, Uri baseAddress, bool ownsDatabase)
    {
        _process = process;
        _database = database;
        _ownsDatabase = ownsDatabase;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public BenchDatabase Database => _database;

    /// <summary>The most memory the server process has held (VmHWM, its peak resident set), in MB.</summary>
    public double PeakMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>kill -9: the process ends where it stands, with no shutdown of any kind. The database stays.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(); // SIGKILL on Linux, as kill -9
        await _process.WaitForExitAsync();
    }

    public static string Dll => Path.Combine(BenchHost.RepositoryRoot, "src", "InnoCluster", "bin", "Release", "net10.0", "InnoCluster.dll");

    public static Task<ServerProcess> StartAsync(string provider, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(BenchDatabase.Create(provider), settings, ownsDatabase: true);

    /// <summary>A server on an existing database (started again after a drill killed the last one).</summary>
    public static async Task<ServerProcess> StartAsync(BenchDatabase database, IReadOnlyDictionary<string, string>? settings, bool ownsDatabase)
    {
        var port = FreePort();
        var start = Arguments(database, $"--urls http://127.0.0.1:{port}");
        start.Environment["Security__SignInPerMinute"] = "100000";
        start.Environment["Security__SearchPerMinute"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new ServerProcess(process, database, new Uri($"http://127.0.0.1:{port}"), ownsDatabase);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the server did not become healthy in 3 minutes");
    }

    /// <summary>An account with one role and a bearer token for it, made with the platform's own CLI verbs.</summary>
    public async Task<string> TokenAsync(string role)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        await CliAsync($"users add --role {role} {email} --name bench");
        var output = await CliAsync($"tokens create {email} --expires 1");
        return output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("ic_", StringComparison.Ordinal));
    }

    public Task<string> CliAsync(string arguments) => Cli(_database, arguments);

    /// <summary>Runs a CLI verb against the database and returns what it printed; throws when it fails.</summary>
    public static async Task<string> Cli(BenchDatabase database, string arguments)
    {
        using var process = StartCli(database, arguments);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{arguments} exited with {process.ExitCode}: {output}{await process.StandardError.ReadToEndAsync()}");
        }

        return output;
    }

    /// <summary>A CLI verb started as its own process (a drill may kill it).</summary>
    public static Process StartCli(BenchDatabase database, string arguments) =>
        Process.Start(Arguments(database, arguments)) ?? throw new InvalidOperationException("the CLI did not start");

    private static ProcessStartInfo Arguments(BenchDatabase database, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"{Dll} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BenchHost.RepositoryRoot,
        };
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["InnoCluster__DataDirectory"] = database.Directory;
        start.Environment["Security__SecureCookies"] = "false";
        start.Environment["Registry__Import__MaxFileBytes"] = "268435456"; // the benches' 100k-row files, as BenchHost allows them
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
