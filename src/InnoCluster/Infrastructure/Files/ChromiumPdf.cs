using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InnoCluster.Infrastructure.Files;

public sealed class ChromiumPdfOptions
{
    /// <summary>Debian's Chromium; its fonts come from fonts-noto-cjk.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Where Chromium reaches this server; by default its own listening address on loopback.</summary>
    public string? BaseUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 120;
}

/// <summary>
/// Prints one of this server's public pages to PDF with headless Chromium (the annual report, a call's report) (its command line's
/// --print-to-pdf: no browser driver needed). The page is fetched from the server's own listening address,
/// never from the request's Host header, so a caller cannot point Chromium elsewhere. One print at a time.
/// </summary>
public sealed class ChromiumPdf(IServer server, Microsoft.Extensions.Options.IOptions<ChromiumPdfOptions> options, ILogger<ChromiumPdf> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<(byte[]? Pdf, string? Problem)> RenderAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!File.Exists(settings.ChromiumPath))
        {
            return (null, $"找不到 Chromium（{settings.ChromiumPath}），请安装 Debian 的 chromium 和 fonts-noto-cjk (Chromium not found at {settings.ChromiumPath}: apt-get install chromium fonts-noto-cjk)");
        }

        var baseUrl = settings.BaseUrl ?? OwnAddress();
        if (baseUrl is null)
        {
            return (null, "服务器没有可供 Chromium 访问的地址 (the server has no address Chromium can reach; set Reports:BaseUrl)");
        }

        var work = Directory.CreateTempSubdirectory("innocluster-pdf-");
        await gate.WaitAsync(cancellationToken);
        try
        {
            var output = Path.Combine(work.FullName, "report.pdf");
            var start = new ProcessStartInfo(settings.ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=15000", "--ignore-certificate-errors", "--print-to-pdf=" + output, baseUrl.TrimEnd('/') + pathAndQuery,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var error = await stderr;
                logger.LogWarning("Chromium exited with {ExitCode} printing {Path}: {Error}", process.ExitCode, pathAndQuery, error.Length > 2000 ? error[^2000..] : error);
                return (null, $"Chromium 生成 PDF 失败（退出码 {process.ExitCode}） (Chromium failed with exit code {process.ExitCode})");
            }

            return (await File.ReadAllBytesAsync(output, cancellationToken), null);
        }
        finally
        {
            gate.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be letting go of its profile; the temp folder is cleaned by the OS.
            }
        }
    }

    public void Dispose() => gate.Dispose();

    private string? OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
