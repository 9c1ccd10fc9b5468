using System.Net;
using System.Net.Http.Json;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.SecurityTests;

/// <summary>The platform on a PostgreSQL server of its own, which the test restarts under load.</summary>
public sealed class RestartablePostgresApp : TestApp<SqliteTarget>
{
    public OwnPostgres? Postgres { get; private set; }

    public async Task StartAsync()
    {
        Postgres = await OwnPostgres.StartAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        if (Postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Default", Postgres.ConnectionString);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}

/// <summary>
/// PostgreSQL restarted while people read and write (issue 22): reads keep answering (retried), a write
/// that met the restart is told to try again (503), never a 500, and nothing that was confirmed is lost.
/// </summary>
public sealed class PostgresRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_UnderLoad_NoServerErrors_AndEveryConfirmedWriteIsKept()
    {
        Assert.SkipUnless(OwnPostgres.Binaries is not null || DatabaseTarget.PostgresRequired, "PostgreSQL is not installed here; scripts/test.sh installs it");
        await using var app = new RestartablePostgresApp();
        await app.StartAsync();
        await app.InitializeAsync();
        var owner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var anonymous = app.CreateClient();

        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Kind, HttpStatusCode Status, int? Id)>();
        using var stop = new CancellationTokenSource();
        async Task ReadLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await anonymous.GetAsync("/api/enterprises?page=1&pageSize=5", Ct);
                statuses.Add(("read", response.StatusCode, null));
            }
        }

        async Task WriteLoopAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await owner.PostAsJsonAsync("/api/scenarios", new { title = $"重启期间写入 {writer}-{i}", description = "数据库重启期间的写入测试。" }, Ct);
                int? id = response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Ct))!["id"]!.GetValue<int>() : null;
                statuses.Add(("write", response.StatusCode, id));
            }
        }

        var load = new[] { ReadLoopAsync(), ReadLoopAsync(), WriteLoopAsync(1), WriteLoopAsync(2) };
        await Task.Delay(500, Ct);
        await app.Postgres!.RestartAsync();
        await Task.Delay(1500, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.DoesNotContain(statuses, s => (int)s.Status >= 500 && s.Status != HttpStatusCode.ServiceUnavailable);
        Assert.All(statuses.Where(s => s.Kind == "read"), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        var confirmed = statuses.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToList();
        Assert.NotEmpty(confirmed);
        var stored = await app.WithDbAsync(db => db.Set<Demand>().Where(d => confirmed.Contains(d.Id)).CountAsync(Ct));
        Assert.Equal(confirmed.Count, stored);
    }
}
