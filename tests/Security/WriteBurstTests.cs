using System.Net;
using System.Net.Http.Json;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.SecurityTests;

/// <summary>
/// Fifty writers at once (issue 22): every write succeeds and an unrelated read is answered — no
/// "database is locked". How long they take is measured in bench/README.md (write burst), not here.
/// </summary>
public abstract class WriteBurstTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected WriteBurstTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyConcurrentWriters_AllSucceed_AndReadsAreAnswered()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner])));
        }

        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var writers = Enumerable.Range(0, 50).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                using var response = await clients[w % clients.Count].PostAsJsonAsync("/api/scenarios", new { title = $"并发需求 {w}-{i}", description = $"第{w}个写入者的第{i}条需求：质检场景。" }, Ct);
                statuses.Add(response.StatusCode);
            }
        }, Ct)).ToList();
        using var read = await app.CreateClient().GetAsync("/api/enterprises?page=1&pageSize=20", Ct);
        await Task.WhenAll(writers);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(200, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
    }
}

public sealed class SqliteWriteBurstTests(TestApp<SqliteTarget> app) : WriteBurstTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresWriteBurstTests(TestApp<PostgresTarget> app) : WriteBurstTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
