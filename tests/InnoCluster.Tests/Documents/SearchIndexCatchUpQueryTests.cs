using System.Data.Common;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// The search indexes read the documents changed since their position a batch at a time. On SQLite that batch must come
/// from the documents' current-version index in order, stopping after the batch: a plan that sorts every later document
/// with its text first made a 100,000-document catch-up read the whole library again for each batch (bench/README.md).
/// </summary>
public sealed class SearchIndexCatchUpQueryTests(TestApp<SqliteTarget> app) : IClassFixture<TestApp<SqliteTarget>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNextBatch_IsReadInIndexOrder_WithoutSortingEveryLaterDocument()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var plan = await PlanAsync(db, DocumentSearchIndex.CurrentAfter(db, 1000).Take(25).ToQueryString());

        Assert.Contains(plan, step => step.Contains("ix_documents_current_version_id", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>SQLite's plan for a query as EF Core writes it (its ".param set" lines become parameters).</summary>
    private static async Task<List<string>> PlanAsync(InnoClusterDbContext db, string query)
    {
        var lines = query.Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        // The statement stands between the parameters and EF Core's closing note (split-query mode), each block after a blank line.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.SkipWhile(l => l.Trim().Length > 0).Skip(1).TakeWhile(l => l.Trim().Length > 0));
        foreach (var parts in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l.Split(' ', 4)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = long.Parse(parts[3].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
