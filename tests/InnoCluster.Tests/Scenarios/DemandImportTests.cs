using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Scenarios;

/// <summary>The reader of the published demand format, on the tricky shapes it has.</summary>
public sealed class DemandFileTests
{
    [Fact]
    public void Read_EscapedLineBreaksInsideAField_BecomeLineBreaks()
    {
        var (records, errors) = DemandFile.Read("'a-1' , '标题' , '需求内容：\\n    第一行\\n预期目标：≥67%' \n");
        Assert.Empty(errors);
        Assert.Equal("需求内容：\n    第一行\n预期目标：≥67%", Assert.Single(records).Problem);
    }

    [Fact]
    public void Read_CommasAndQuotesInsideFields_StayInTheirField()
    {
        var (records, errors) = DemandFile.Read("'a-2' , '锂电池, 防爆' , '采用“干法”工艺 , 兼容\\\\路径' \n");
        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Equal(("锂电池, 防爆", "采用“干法”工艺 , 兼容\\路径"), (record.Title, record.Problem));
    }

    [Fact]
    public void Read_BadLines_AreReportedByLineAndField_NotGuessed()
    {
        var (records, errors) = DemandFile.Read("'a-1' , '好的' , '描述' \nnot a demand line\n'a-1' , '重复' , '描述' \n'a-3' , '' , '描述' \n");
        Assert.Single(records);
        Assert.Equal([(2, "line"), (3, "id"), (4, "title")], errors.Select(e => (e.Line, e.Field)));
    }
}

/// <summary>The real 371 technology demands through the CLI, on both databases.</summary>
public abstract class DemandImportTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected DemandImportTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string RealFile => TestPaths.Corpus("tech-demands.csv");

    private async Task<(int Exit, string Output)> ImportAsync(params string[] args)
    {
        await using var scope = app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["import", "demands"]));
        using var output = new StringWriter();
        var exit = await verb.RunAsync(CliCommand.Parse(["import", "demands", .. args])!, scope.ServiceProvider, output, Ct);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task ImportCli_RealFile_KeepsEveryDemandByteForByte_AndAgainChangesNothing()
    {
        var (exit, output) = await ImportAsync(RealFile);
        Assert.True(exit == 0, output);
        var lines = await File.ReadAllLinesAsync(RealFile, Ct);
        Assert.Equal(371, lines.Length);
        var ids = lines.Select(l => Regex.Match(l, "^'([^']+)'").Groups[1].Value).ToList();
        var stored = await app.WithDbAsync(db => db.Set<Demand>().Where(d => ids.Contains(d.ExternalId!)).ToListAsync(Ct));
        Assert.Equal(371, stored.Count);
        Assert.All(stored, d => Assert.Equal(DemandStatus.Draft, d.Status));

        // Byte for byte: the file's fields, with \n read as the line break it stands for.
        foreach (var line in new[] { lines[0], lines[1], lines[200], lines[^1] })
        {
            var parts = Regex.Match(line, "^'(?<id>[^']+)' , '(?<title>.*?)' , '(?<text>.*)' ?$");
            var demand = stored.Single(d => d.ExternalId == parts.Groups["id"].Value);
            Assert.Equal(parts.Groups["title"].Value, demand.Title);
            Assert.Equal(parts.Groups["text"].Value.Replace("\\n", "\n", StringComparison.Ordinal).TrimEnd(), demand.Problem);
            Assert.Equal($"line {Array.IndexOf(lines, line) + 1}", demand.Source.Locator);
        }

        Assert.StartsWith("需求内容：\n    基于企业现有立方氮化硼产品牌号", stored.Single(d => d.ExternalId == "fe5abf02-4272-40fd-8b6e-a4e827c7e762").Problem, StringComparison.Ordinal);

        var (again, second) = await ImportAsync(RealFile);
        Assert.True(again == 0, second);
        Assert.Contains("0 new, 0 updated, 371 unchanged", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCli_OneBrokenLine_ImportsNothingAndNamesTheLine()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"demands-{Guid.NewGuid():N}.csv");
        var lines = (await File.ReadAllLinesAsync(RealFile, Ct)).Take(20).ToList();
        // New ids, so nothing of this file is in the database before.
        List<string> fresh = [.. lines.Select((l, i) => "'broken-test-" + i + l[(l.IndexOf("' , '", StringComparison.Ordinal))..])];
        fresh[12] = "'broken-test-12' , '缺少描述' ";
        await File.WriteAllLinesAsync(copy, fresh, Ct);
        try
        {
            var (exit, output) = await ImportAsync(copy);
            Assert.Equal(1, exit);
            Assert.Contains("line 13", output, StringComparison.Ordinal);
            Assert.False(await app.WithDbAsync(db => db.Set<Demand>().AnyAsync(d => d.ExternalId!.StartsWith("broken-test-"), Ct)));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Api_PublicSeesOnlyPublished_OfficialsSeeDrafts()
    {
        await ImportAsync(RealFile);
        var anonymous = await app.CreateClient().GetJsonAsync("/api/demands?pageSize=5");
        Assert.All(anonymous["items"]!.AsArray(), d => Assert.Equal("Published", d!["status"]!.GetValue<string>()));
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var drafts = await official.GetJsonAsync("/api/demands?status=Draft&q=" + Uri.EscapeDataString("立方氮化硼"));
        Assert.True(drafts["total"]!.GetValue<int>() >= 1);
        var id = drafts["items"]![0]!["id"]!.GetValue<int>();
        Assert.Equal(404, (int)(await app.CreateClient().GetAsync($"/api/demands/{id}", Ct)).StatusCode);
        Assert.Contains("立方氮化硼", (await official.GetJsonAsync($"/api/demands/{id}"))["problem"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfficialPublishesWithASector_ThePublicSeesIt_AndAClosedDemandLeavesTheList()
    {
        // A demand of its own, so the imported ones stay drafts for the other tests.
        var id = await app.WithDbAsync(async db =>
        {
            var demand = new Demand { Title = "产线缺陷视觉检测", Problem = "需要识别0.1毫米划痕", Status = DemandStatus.Draft, Source = new InnoCluster.Infrastructure.Provenance { Kind = InnoCluster.Infrastructure.ProvenanceKind.Manual, Source = "test" }, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            db.Add(demand);
            await db.SaveChangesAsync(Ct);
            return demand.Id;
        });
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var enterprise = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: 1));
        Assert.Equal(403, (int)(await enterprise.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);

        using (var bad = await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "区块链" }, Ct))
        {
            Assert.Equal(400, (int)bad.StatusCode);
            Assert.Contains("sector", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(404, (int)(await app.CreateClient().GetAsync($"/api/demands/{id}", Ct)).StatusCode);
        Assert.Equal(204, (int)(await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);
        var published = await app.CreateClient().GetJsonAsync($"/api/demands/{id}");
        Assert.Equal(("Published", "AI+制造"), (published["status"]!.GetValue<string>(), published["sector"]!.GetValue<string>()));

        Assert.Equal(204, (int)(await official.PostAsync($"/api/demands/{id}/close", null, Ct)).StatusCode);
        Assert.Equal(404, (int)(await app.CreateClient().GetAsync($"/api/demands/{id}", Ct)).StatusCode);
        Assert.Equal(400, (int)(await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);
    }
}

public sealed class SqliteDemandImportTests(TestApp<SqliteTarget> app) : DemandImportTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresDemandImportTests(TestApp<PostgresTarget> app) : DemandImportTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
