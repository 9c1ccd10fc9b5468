using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Tests.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InnoCluster.Tests.Operations;

/// <summary>
/// Long work as background jobs on a real database: an import queued from the page or the API and followed
/// to its report, a job whose node died taken up again, two runners never running one job twice, and a job
/// seen only by the person who queued it (and the admins).
/// </summary>
public abstract class BackgroundJobTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected BackgroundJobTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static byte[] Workbook(params (string Name, string Code)[] firms)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, firms.Select(f => new Dictionary<string, object?> { ["企业名称"] = f.Name, ["统一社会信用代码"] = f.Code, ["所属板块"] = "工业园区" }).ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static ByteArrayContent Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task ImportPage_DryRunThenImportForReal_AsJobsThatOnlyTheirOwnerAndTheAdminsSee()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.SignInAsync(_app, official);
        var page = await client.GetStringAsync("/enterprises/import", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var code = CreditCodes.Valid(72_000_101);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Workbook(("苏州任务页面测试科技有限公司", code))), "file", "firms.xlsx" },
            { new StringContent("dry-run"), "mode" },
        };
        using var posted = await client.PostAsync("/enterprises/import", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var dryRun = await Jobs.WaitAsync(client, Jobs.ApiAddressOf(posted), Limit);
        Assert.Equal(("Succeeded", 1, false), (dryRun["state"]!.GetValue<string>(), dryRun["result"]!["created"]!.GetValue<int>(), dryRun["result"]!["applied"]!.GetValue<bool>()));
        Assert.False(await _app.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(e => e.CreditCode == code, Ct)));

        // The dry run's page offers to import the same file for real, without uploading it again.
        var dryRunPage = WebUtility.HtmlDecode(await client.GetStringAsync(posted.Headers.Location!.OriginalString, Ct));
        Assert.Contains("试运行结果", dryRunPage, StringComparison.Ordinal);
        Assert.Contains("按此结果正式导入", dryRunPage, StringComparison.Ordinal);
        var pageToken = System.Text.RegularExpressions.Regex.Match(dryRunPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var apply = await client.PostAsync("/enterprises/import?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = pageToken, ["job"] = dryRun["id"]!.ToString(), ["mapping"] = "",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var location = Jobs.ApiAddressOf(apply);

        var job = await Jobs.WaitAsync(client, location, Limit);
        Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
        Assert.Equal("enterprise-import", job["kind"]!.GetValue<string>());
        Assert.Equal(1, job["result"]!["created"]!.GetValue<int>());
        Assert.True(await _app.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(e => e.CreditCode == code, Ct)));

        // The job page shows the same report the import page used to show.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(location["/api".Length..], Ct));
        Assert.Contains("导入完成", html, StringComparison.Ordinal);
        Assert.Contains("firms.xlsx：1 行；新增 1", html, StringComparison.Ordinal);

        var other = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location, Ct)).StatusCode);
        var otherSession = await TestUsers.SignInAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var notTheirs = await TestUsers.PostFormAsync(otherSession, "/enterprises/import", new() { ["job"] = dryRun["id"]!.ToString(), ["mapping"] = "" }, handler: "Apply");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.DoesNotContain(location["/api/jobs/".Length..], await other.GetStringAsync("/api/jobs", Ct), StringComparison.Ordinal);
        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(location, Ct)).StatusCode);
    }

    [Fact]
    public async Task ApiImport_RespondAsync_AnswersAtOnce_AndTheJobHoldsTheReportByRow()
    {
        var client = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/enterprises/import?dryRun=false")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Workbook(("苏州任务错误测试有限公司", "91320000BADCODE01"))), "file", "bad.xlsx" } },
        };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/jobs/", location, StringComparison.Ordinal);

        var job = await Jobs.WaitAsync(client, location, Limit);
        Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
        var error = job["result"]!["errors"]!.AsArray().Single()!;
        Assert.Equal(2, error["row"]!.GetValue<int>());
        Assert.Equal("统一社会信用代码", error["column"]!.GetValue<string>());
        Assert.False(job["result"]!["applied"]!.GetValue<bool>());
        Assert.False(await _app.WithDbAsync(db => db.Set<Enterprise>().AnyAsync(e => e.Names.Any(n => n.Name == "苏州任务错误测试有限公司"), Ct)));

        // The problems also come as a workbook beside the job, one per line with its row and column.
        var output = job["outputs"]!.AsArray().Single()!;
        Assert.Equal("bad-问题清单.xlsx", output["name"]!.GetValue<string>());
        await using var workbook = await client.GetStreamAsync(output["url"]!.GetValue<string>(), Ct);
        using var copy = new MemoryStream();
        await workbook.CopyToAsync(copy, Ct);
        copy.Position = 0;
        var problem = MiniExcelLibs.MiniExcel.Query(copy, useHeaderRow: true, sheetName: "问题").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal((2d, "统一社会信用代码", "91320000BADCODE01"), (Convert.ToDouble(problem["行 Row"], System.Globalization.CultureInfo.InvariantCulture), (string?)problem["列 Column"], (string?)problem["值 Value"]));
        Assert.Equal(error["message"]!.GetValue<string>(), (string?)problem["问题 Problem"]);
    }

    [Fact]
    public async Task ImportTemplate_HasTheExportsColumns_AndAGuideToEach()
    {
        var client = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var response = await client.GetAsync("/api/enterprises/import-template", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var template = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var columns = MiniExcelLibs.MiniExcel.GetColumns(template, useHeaderRow: true, sheetName: "企业").ToList();
        template.Position = 0;
        var guide = MiniExcelLibs.MiniExcel.Query(template, useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().Select(r => (string?)r["列名"]).ToList();
        Assert.Equal(columns, guide);
        Assert.Contains("统一社会信用代码", columns);

        // The template is what the import reads: filled in with one row, a dry run finds nothing to fix.
        using var filled = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(filled, new[] { columns.ToDictionary(c => c, c => (object?)(c switch { "企业名称" => "苏州模板填写测试有限公司", "所属板块" => "吴中区", "营业收入(万元)" => 1200, "年度" => 2024, _ => null })) }, cancellationToken: Ct);
        using var dryRun = await client.PostAsync("/api/enterprises/import?dryRun=true", new MultipartFormDataContent { { new ByteArrayContent(filled.ToArray()), "file", "template.xlsx" } }, Ct);
        var report = (await dryRun.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Empty(report["errors"]!.AsArray());
        Assert.Equal(1, report["created"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]))).GetAsync("/api/enterprises/import-template", Ct)).StatusCode);
    }

    [Fact]
    public async Task AJobWhoseNodeDied_IsTakenUpAgainWhenItsLeaseRunsOut_AndStopsAfterTooManyInterruptions()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, owner);
        var word = "中断续跑" + Guid.NewGuid().ToString("N")[..6];
        var now = _app.Clock.GetUtcNow();
        BackgroundJob Running(int attempts, DateTimeOffset until) => new()
        {
            Kind = DocumentBatchJob.KindName, State = JobState.Running, Parameters = "{}", CreatedById = owner.Id, CreatedByName = owner.Email,
            CreatedAt = now, NotBefore = now, StartedAt = now, Attempts = attempts, ClaimedBy = "dead-node:1", ClaimedUntil = until,
        };

        var (expired, exhausted, held) = await _app.WithDbAsync(async db =>
        {
            var jobs = new[] { Running(1, now.AddMinutes(-1)), Running(BackgroundJob.MaxAttempts, now.AddMinutes(-1)), Running(1, now.AddHours(1)) };
            db.AddRange(jobs);
            await db.SaveChangesAsync(Ct);
            db.Add(new JobFile { JobId = jobs[0].Id, Role = JobFileRole.Input, Name = "resumed.txt", Content = Encoding.UTF8.GetBytes($"关于{word}的通知\n\n现就{word}有关事项通知如下。") });
            await db.SaveChangesAsync(Ct);
            return (jobs[0].Id, jobs[1].Id, jobs[2].Id);
        });
        _app.Services.GetRequiredService<JobSignal>().Wake();

        var resumed = await Jobs.WaitAsync(client, $"/api/jobs/{expired}", Limit);
        Assert.Equal("Succeeded", resumed["state"]!.GetValue<string>());
        Assert.Equal(2, resumed["attempts"]!.GetValue<int>());
        Assert.Equal("Created", resumed["result"]![0]!["outcome"]!.GetValue<string>());

        var stopped = await Jobs.WaitAsync(client, $"/api/jobs/{exhausted}", Limit);
        Assert.Equal("Failed", stopped["state"]!.GetValue<string>());
        Assert.Contains("多次中断", stopped["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // A job another node holds under a live lease is left to it.
        await _app.Services.GetRequiredService<JobRunner>().RunDueAsync(Ct);
        var still = await _app.WithDbAsync(db => db.Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == held, Ct));
        Assert.Equal((JobState.Running, "dead-node:1", 1), (still.State, still.ClaimedBy, still.Attempts));
    }

    [Fact]
    public async Task TwoRunners_OnOneDatabase_NeverRunAJobTwice()
    {
        var client = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var locations = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var word = $"并发任务{i}" + Guid.NewGuid().ToString("N")[..6];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new MultipartFormDataContent { { Text($"关于{word}的通知\n\n现就{word}有关事项通知如下。"), "file", $"n{i}.txt" } } };
            request.Headers.Add("Prefer", "respond-async");
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            locations.Add(response.Headers.Location!.OriginalString);
        }

        // A second runner with its own view of what runs here, racing the app's own for the same rows.
        var rival = ActivatorUtilities.CreateInstance<JobRunner>(_app.Services, new JobProgressBoard());
        await Task.WhenAll(rival.RunDueAsync(Ct), rival.RunDueAsync(Ct));
        foreach (var location in locations)
        {
            var job = await Jobs.WaitAsync(client, location, Limit);
            Assert.Equal(("Succeeded", 1), (job["state"]!.GetValue<string>(), job["attempts"]!.GetValue<int>()));
            Assert.Equal("Created", job["result"]![0]!["outcome"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AFinishedJobsFiles_AreDeletedAfterTheirRetention_ItsResultStays()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, owner);
        var now = _app.Clock.GetUtcNow();
        BackgroundJob Finished(TimeSpan ago) => new()
        {
            Kind = "annual-report-pdf", State = JobState.Succeeded, Result = "{\"file\":\"old.pdf\",\"bytes\":4}", CreatedById = owner.Id, CreatedByName = owner.Email,
            CreatedAt = now - ago, NotBefore = now - ago, FinishedAt = now - ago, Attempts = 1,
            Files = [new JobFile { Role = JobFileRole.Output, Name = "report.pdf", ContentType = "application/pdf", Content = "%PDF"u8.ToArray() }],
        };
        var (old, recent) = await _app.WithDbAsync(async db =>
        {
            var jobs = new[] { Finished(TimeSpan.FromDays(31)), Finished(TimeSpan.FromDays(29)) };
            db.AddRange(jobs);
            await db.SaveChangesAsync(Ct);
            return (jobs[0].Id, jobs[1].Id);
        });

        Assert.True(await _app.Services.GetRequiredService<JobRunner>().DeleteOldFilesAsync(Ct) >= 1);
        var gone = JsonNode.Parse(await client.GetStringAsync($"/api/jobs/{old}", Ct))!;
        Assert.Empty(gone["outputs"]!.AsArray());
        Assert.Equal("old.pdf", gone["result"]!["file"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(await client.GetStringAsync($"/api/jobs/{recent}", Ct))!["outputs"]!.AsArray());
        var session = await TestUsers.SignInAsync(_app, owner);
        Assert.Contains("已过保留期限", await session.GetStringAsync($"/jobs/{old}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_IsASystemAdminsJob_WithItsFigures()
    {
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync("/api/reindex?index=enterprises", null, Ct)).StatusCode);

        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        using var response = await admin.PostAsync("/api/reindex?index=enterprises", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Jobs.WaitAsync(admin, response.Headers.Location!.OriginalString, Limit);
        Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
        var rebuilt = job["result"]!.AsArray().Single()!;
        Assert.StartsWith("enterprises", rebuilt["index"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(rebuilt["bytes"]!.GetValue<long>() > 0);
        Assert.Contains("苏州", await official.GetStringAsync("/api/enterprises?q=苏州", Ct), StringComparison.Ordinal);

        using var unknown = await admin.PostAsync("/api/reindex?index=nothing-by-this-name", null, Ct);
        var failed = await Jobs.WaitAsync(admin, unknown.Headers.Location!.OriginalString, Limit);
        Assert.Equal(("Failed", 1), (failed["state"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.Contains("nothing-by-this-name", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class SqliteBackgroundJobTests(TestApp<SqliteTarget> app) : BackgroundJobTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresBackgroundJobTests(TestApp<PostgresTarget> app) : BackgroundJobTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
