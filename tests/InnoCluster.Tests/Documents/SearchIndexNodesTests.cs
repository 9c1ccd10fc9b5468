using InnoCluster.Features.Documents;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// Several app nodes on one PostgreSQL database, each searching its own Lucene index: a document ingested on one
/// node is found by the next search on any other — also when a transaction that drew an earlier version id commits
/// after a later one was ingested on another node (the case a watermark alone would lose for good); and a database
/// restored behind the index makes it build itself again.
/// </summary>
public sealed class SearchIndexNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A node of a deployment: the shared database, its own data directory (and so its own index).</summary>
    private sealed class Node(string connectionString, int followSeconds = 5) : TestApp<PostgresTarget>
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Documents:SearchIndexFollowSeconds", followSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<IngestResult> IngestAsync(IServiceProvider services, string title, string word)
    {
        var ingestion = services.GetRequiredService<DocumentIngestion>();
        return await ingestion.IngestAsync(title + ".txt", System.Text.Encoding.UTF8.GetBytes($"{title}\n\n一、支持企业开展{word}平台在智能制造中的应用。\n"), null, Ct);
    }

    private static async Task<List<string>> TitlesAsync(Node node, string word)
    {
        await using var scope = node.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentSearch>().RunAsync(new DocumentSearch.Query(word, PageSize: 10), Ct);
        return [.. result.Page.Items.Select(i => i.Title).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task EachNodesIndex_FollowsTheDatabase_EvenWhenAnEarlierVersionCommitsLast()
    {
        Assert.SkipUnless(DatabaseTarget.PostgresAvailable, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        await using var shared = new PostgresTarget();
        await using var first = new Node(shared.ConnectionString);
        await first.InitializeAsync();
        await using var second = new Node(shared.ConnectionString);
        await second.InitializeAsync();
        var (firstIndex, secondIndex) = (first.Services.GetRequiredService<DocumentSearchIndex>(), second.Services.GetRequiredService<DocumentSearchIndex>());
        Assert.True(firstIndex.Enabled && secondIndex.Enabled);
        Assert.NotEqual(first.Database.DataDirectory, second.Database.DataDirectory);

        var word = "zq" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6)]) + "probe";
        await using (var scope = first.Scope())
        {
            Assert.Equal(IngestOutcome.Created, (await IngestAsync(scope.ServiceProvider, "关于第一个节点试点的通知", word)).Outcome);
        }

        Assert.Equal(["关于第一个节点试点的通知"], await TitlesAsync(second, word));

        // The first node holds a transaction open after drawing its version id; the second ingests meanwhile.
        Task<IngestResult> later;
        await using (var held = first.Scope())
        {
            var db = held.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            Assert.Equal(IngestOutcome.Created, (await IngestAsync(held.ServiceProvider, "关于先取版本号后提交的通知", word)).Outcome);
            later = Task.Run(async () =>
            {
                await using var scope = second.Scope();
                return await IngestAsync(scope.ServiceProvider, "关于后取版本号先完成的通知", word);
            }, Ct);
            await Task.WhenAny(later, Task.Delay(TimeSpan.FromSeconds(2), Ct));
            // Whatever has committed by now, the second node's index takes it in before answering.
            Assert.DoesNotContain("关于先取版本号后提交的通知", await TitlesAsync(second, word));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(IngestOutcome.Created, (await later).Outcome);
        string[] all = ["关于先取版本号后提交的通知", "关于后取版本号先完成的通知", "关于第一个节点试点的通知"];
        Assert.Equal(all.Order(StringComparer.Ordinal), await TitlesAsync(second, word));
        Assert.Equal(all.Order(StringComparer.Ordinal), await TitlesAsync(first, word));

        // The database put back to a state before the three (as a restore from an earlier backup does): the index,
        // now ahead of the database, is built again from it rather than answering with what the database lost.
        await first.WithDbAsync(db => db.Set<Document>().Where(d => all.Contains(d.Title)).ExecuteUpdateAsync(u => u.SetProperty(d => d.CurrentVersionId, (int?)null), Ct));
        Assert.Empty(await TitlesAsync(second, word));
    }

    [Fact]
    public async Task ANodesIndexes_TakeInAnotherNodesWrites_BetweenSearches()
    {
        Assert.SkipUnless(DatabaseTarget.PostgresAvailable, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        await using var shared = new PostgresTarget();
        await using var writer = new Node(shared.ConnectionString, followSeconds: 0);
        await writer.InitializeAsync();
        await using var following = new Node(shared.ConnectionString, followSeconds: 1);
        await following.InitializeAsync();
        await using var idle = new Node(shared.ConnectionString, followSeconds: 0);
        await idle.InitializeAsync();
        // The idle node catches up once, when it starts: done before the write.
        await (idle.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DocumentSearchIndexFollower>().Single().ExecuteTask ?? Task.CompletedTask);

        int version;
        await using (var scope = writer.Scope())
        {
            var created = await IngestAsync(scope.ServiceProvider, "关于跟随节点试点的通知", "zqfollowprobe");
            Assert.Equal(IngestOutcome.Created, created.Outcome);
            version = await writer.WithDbAsync(db => db.Set<Document>().Where(d => d.Id == created.DocumentId).Select(d => d.CurrentVersionId!.Value).SingleAsync(Ct));
        }

        // Nobody searches: the following node's documents and paragraphs indexes take the new version in on their own.
        var (documents, paragraphs) = (following.Services.GetRequiredService<DocumentSearchIndex>(), following.Services.GetRequiredService<DocumentPassageIndex>());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((documents.Position < version || paragraphs.Position < version) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, Ct);
        }

        Assert.True(documents.Position >= version && paragraphs.Position >= version, $"documents at {documents.Position}, paragraphs at {paragraphs.Position}, version {version}");

        // A node that only catches up when searched (and when it starts) has not taken it in; its next search does.
        var idleIndex = idle.Services.GetRequiredService<DocumentSearchIndex>();
        Assert.True(idleIndex.Position < version, $"the idle node's index is at {idleIndex.Position}");
        Assert.Equal(["关于跟随节点试点的通知"], await TitlesAsync(idle, "zqfollowprobe"));
        Assert.True(idleIndex.Position >= version);
    }
}
