using System.Net;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace InnoCluster.Tests.Operations;

/// <summary>/alive answers while the process runs; /metrics speaks Prometheus text with the platform's own meters, to the scraper's network only.</summary>
public abstract class TelemetryTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected TelemetryTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_CountRequestsAndSearches_AndAreRefusedToAnOutsideAddress()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=人工智能", Ct)).StatusCode);

        // The exporter reads the meters when scraped; a second scrape sees what the first request added.
        string text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("innocluster_search_queries", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt * 100, Ct);
            text = await client.GetStringAsync("/metrics", Ct);
        }

        Assert.Contains("innocluster_search_queries", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);

        var outside = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        }, Ct);
        Assert.Equal((int)HttpStatusCode.Forbidden, outside.Response.StatusCode);
    }
}

public sealed class SqliteTelemetryTests(TestApp<SqliteTarget> app) : TelemetryTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresTelemetryTests(TestApp<PostgresTarget> app) : TelemetryTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
