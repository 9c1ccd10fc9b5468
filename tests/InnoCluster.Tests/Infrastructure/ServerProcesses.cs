using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>The platform as separate processes (a package, several nodes): start, wait for /health, run a command.</summary>
public static class ServerProcesses
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>A long-running process whose output is read (and dropped) so it never blocks on a full pipe.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a command to its end; its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task WaitHealthyAsync(HttpClient http, Process server, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            Assert.False(server.HasExited, "the server process exited");
            try
            {
                if ((await http.GetAsync("/health", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, Ct);
        }

        throw new TimeoutException("the server never became healthy");
    }
}
