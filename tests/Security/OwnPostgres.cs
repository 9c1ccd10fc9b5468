using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InnoCluster.SecurityTests;

/// <summary>
/// A PostgreSQL server of a test's own (initdb + pg_ctl from Debian's packages, on a free loopback port, as
/// the postgres user when run as root), which the test may restart or stop without disturbing the shared
/// server the other tests use.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;
    private readonly string _user;

    private OwnPostgres(string bin, string directory, int port, string user)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
        _user = user;
    }

    public static string? Binaries => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
        : null;

    private static bool IsRoot => Environment.UserName == "root";

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username={_user};Database=postgres;Include Error Detail=true";

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Binaries ?? throw new InvalidOperationException("PostgreSQL's binaries are not installed (scripts/test.sh installs them)");
        var directory = Directory.CreateTempSubdirectory("innocluster-own-pg-").FullName;
        var user = IsRoot ? "postgres" : Environment.UserName;
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres {directory}");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new OwnPostgres(bin, directory, port, user);
        await AsPostgresAsync($"{bin}/initdb -D {directory}/data -U {user} --auth=trust -E UTF8 --locale=C.UTF-8");
        await server.CtlAsync("start");
        return server;
    }

    public Task RestartAsync() => CtlAsync("restart -m fast");

    private Task CtlAsync(string action) =>
        AsPostgresAsync($"{_bin}/pg_ctl -D {_directory}/data -l {_directory}/server.log -w -o '-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off' {action}");

    private static Task AsPostgresAsync(string command) => IsRoot ? RunAsync("su", $"postgres -s /bin/bash -c \"{command}\"") : RunAsync("/bin/bash", $"-c \"{command}\"");

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true }) ?? throw new InvalidOperationException(file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CtlAsync("stop -m immediate");
        }
        catch (InvalidOperationException)
        {
        }

        Directory.Delete(_directory, recursive: true);
    }
}
