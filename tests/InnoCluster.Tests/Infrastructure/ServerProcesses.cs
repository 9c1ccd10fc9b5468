using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>The platform as separate processes (a package, several nodes): start, wait for /health, run a command.</summary>
public static class ServerProcesses
{
    /// <summary>
    /// What to put in ASPNETCORE_URLS so the server takes a port the system gives it: a port picked here and
    /// released could be taken by another test's server before this one binds it (seen once in CI).
    /// </summary>
    public const string AnyLoopbackPort = "http://127.0.0.1:0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>A long-running server whose output is read as it comes, so it never blocks on a full pipe.</summary>
    public static ServerProcess Start(ProcessStartInfo start) => new(Process.Start(start)!);

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
}

/// <summary>
/// A started server: the address it says it listens on (read from its log, so a port of 0 works), a wait for
/// /health, and the last lines it printed, shown when it exits before it is healthy.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private const int KeptLines = 60;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Read(line.Data);
        process.ErrorDataReceived += (_, line) => Read(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The server's first listening address, once it is healthy; with it, an HTTP client.</summary>
    public async Task<HttpClient> WaitHealthyAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            Assert.False(_process.HasExited, $"the server process exited ({ExitCode()}); its last lines:\n{LastLines()}");
            if (_listening.Task.IsCompletedSuccessfully)
            {
                var http = new HttpClient { BaseAddress = await _listening.Task };
                try
                {
                    if ((await http.GetAsync("/health", Ct)).IsSuccessStatusCode)
                    {
                        return http;
                    }
                }
                catch (HttpRequestException)
                {
                    // Listening, not answering yet.
                }

                http.Dispose();
            }

            await Task.Delay(500, Ct);
        }

        throw new TimeoutException($"the server never became healthy; its last lines:\n{LastLines()}");
    }

    public void Kill(bool entireProcessTree) => _process.Kill(entireProcessTree);

    public Task WaitForExitAsync(CancellationToken cancellation) => _process.WaitForExitAsync(cancellation);

    public void Dispose() => _process.Dispose();

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string ExitCode() => _process.HasExited ? $"exit code {_process.ExitCode}" : "running";

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>https?://[^\s""\\]+)")]
    private static partial Regex ListeningLine();
}
