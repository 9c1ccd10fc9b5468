using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// The application on a real Kestrel port (WebApplicationFactory.UseKestrel), on its own SQLite file,
/// driven by Debian's /usr/bin/chromium through Playwright — never a downloaded browser.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SqliteTarget _database = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public SqliteTarget Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
        builder.UseSetting("InnoCluster:DataDirectory", _database.DataDirectory);
        builder.UseSetting("InnoCluster:SeedDirectory", TestPaths.Seed);
        // Kestrel listens where InitializeAsync says (a free port); without this the start-up check would look at the
        // default address, and a developer's own server on localhost:5080 would stop the browser tests.
        builder.UseSetting("urls", "https://127.0.0.1:0");
        // Every test class signs in several people from the same loopback address; the limit itself is
        // tested in RateLimitTests.
        builder.UseSetting("Security:SignInPerMinute", "1000");
    }

    public async ValueTask InitializeAsync()
    {
        // HTTPS with a throw-away self-signed certificate, so cookies run with their production
        // settings (Secure, __Host- prefix) exactly as behind a TLS proxy.
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSignedCertificate())));
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors"],
        });
    }

    /// <summary>A fresh browser context (cookies, storage) with a page on the app, in Chinese unless asked.</summary>
    /// <summary>Fails when the page scrolls sideways at its current width (see <see cref="SidewaysScrollAsync"/>).</summary>
    public static async Task AssertFitsWidthAsync(IPage page)
    {
        var problem = await SidewaysScrollAsync(page);
        Assert.True(problem is null, problem);
    }

    /// <summary>
    /// Whether the page scrolls sideways at its current width: null when it fits, else the elements that
    /// stick out (tag.class, their right edge), so the failure says what to fix.
    /// </summary>
    public static async Task<string?> SidewaysScrollAsync(IPage page)
    {
        // A resized viewport reaches the page's resize handlers (charts redraw) on the next frames.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(@"() => {
            const limit = document.documentElement.clientWidth;
            const out = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1 && getComputedStyle(e).position !== 'fixed')
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= limit + 1)
                .slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} → ${Math.round(e.getBoundingClientRect().right)}px`);
            return { width: document.documentElement.scrollWidth, offenders: out.join('; ') };
        }");
        var (width, offenders) = (result.GetProperty("width").GetInt32(), result.GetProperty("offenders").GetString());
        var viewport = page.ViewportSize!.Width;
        return width <= viewport ? null : $"{page.Url} scrolls sideways at {viewport} px ({width} px wide): {offenders}";
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", IgnoreHTTPSErrors = true, ViewportSize = new ViewportSize { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
