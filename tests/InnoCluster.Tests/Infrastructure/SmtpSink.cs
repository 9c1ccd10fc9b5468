using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd, which scripts/prerequisites.sh installs),
/// storing what it receives as a Maildir, for tests to read the messages that arrived.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _server;

    public SmtpSink()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string MailDirectory { get; } = TestPaths.NewTempDirectory();

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(MailDirectory, "box")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException("could not start python3 -m aiosmtpd");
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time: the app\'s clock is fake
        var limit = TimeSpan.FromSeconds(15);
        while (waited.Elapsed < limit)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited (is python3-aiosmtpd installed? scripts/prerequisites.sh --test installs it): " + await _server.StandardError.ReadToEndAsync());
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        _server = null;
    }

    /// <summary>The messages received so far, as written on the wire (headers and body).</summary>
    public IReadOnlyList<string> Messages()
    {
        var box = Path.Combine(MailDirectory, "box", "new");
        return Directory.Exists(box) ? [.. Directory.GetFiles(box).Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];
    }

    /// <summary>Waits (up to 20 s) for a message that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time: the app\'s clock is fake
        var limit = TimeSpan.FromSeconds(20);
        while (waited.Elapsed < limit)
        {
            if (Messages().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no such message arrived; {Messages().Count} did");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the machine's temp folder.
        }
    }
}
