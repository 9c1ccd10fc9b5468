using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Documents;

/// <summary>An app whose upload limit is small enough to test, above the fixtures' sizes.</summary>
public class DocumentIngestApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new()
{
    public const int MaxFileBytes = 400 * 1024;

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("Documents:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Adding documents: API, upload page and CLI; versions, duplicates, refusals, audit.</summary>
public abstract class DocumentIngestTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly DocumentIngestApp<TTarget> _app;

    protected DocumentIngestTests(DocumentIngestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Fixture(string file) => File.ReadAllBytes(TestPaths.Fixture("documents/" + file));

    private Task<int> CountAsync<T>()
        where T : class => _app.WithDbAsync(db => db.Set<T>().CountAsync(Ct));

    private async Task<HttpClient> OfficialAsync() =>
        await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "file", name);
        }

        return form;
    }

    private static async Task<JsonArray> ResultsAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();

    [Fact]
    public async Task Ingest_SameNoticeAsPageThenPdf_IsOneDocumentInTwoVersionsAndNoDuplicates()
    {
        var client = await OfficialAsync();
        using var first = await client.PostAsync("/api/documents", Files(("policy.html", Fixture("policy.html"))), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var created = (await ResultsAsync(first)).Single()!;
        Assert.Equal("Created", created["outcome"]!.GetValue<string>());
        var id = created["documentId"]!.GetValue<int>();

        using var again = await client.PostAsync("/api/documents", Files(("copy-of-policy.html", Fixture("policy.html"))), Ct);
        var unchanged = (await ResultsAsync(again)).Single()!;
        Assert.Equal("Unchanged", unchanged["outcome"]!.GetValue<string>());
        Assert.Equal(id, unchanged["documentId"]!.GetValue<int>());

        using var pdf = await client.PostAsync("/api/documents", Files(("policy.pdf", Fixture("policy.pdf"))), Ct);
        var version = (await ResultsAsync(pdf)).Single()!;
        Assert.Equal("NewVersion", version["outcome"]!.GetValue<string>());
        Assert.Equal(id, version["documentId"]!.GetValue<int>());
        Assert.Equal(2, version["versionNumber"]!.GetValue<int>());

        var current = await client.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal("pdf", current["versions"]!.AsArray().Single(v => v!["current"]!.GetValue<bool>())!["format"]!.GetValue<string>());
        var old = await client.GetJsonAsync($"/api/documents/{id}?version=1");
        Assert.Equal(1, old["version"]!.GetValue<int>());
        Assert.Equal(2, old["versions"]!.AsArray().Count);
        Assert.Contains("遴选20个左右", old["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Found once in search, and its paragraphs come from the current version only.
        var search = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("示范项目申报 遴选"));
        Assert.Equal(1, search["page"]!["items"]!.AsArray().Count(i => i!["id"]!.GetValue<int>() == id));
        var passages = (await client.GetJsonAsync("/api/passages?take=50&q=" + Uri.EscapeDataString("遴选"))).AsArray();
        Assert.Single(passages, p => p!["documentId"]!.GetValue<int>() == id);
    }

    [Fact]
    public async Task Passages_AQuestionsWordInAParagraphsHeading_RanksItFirst_WhileKeywordsMustStandInTheParagraphItself()
    {
        var client = await OfficialAsync();
        const string rules = "巡检作业试行办法\n\n第一章 档案管理\n\n第一条 作业单位应当报告巡检航线。\n\n第二章 飞行安全\n\n第二条 作业单位应当报告巡检航线。\n";
        const string elsewhere = "关于低空巡检的说明\n\n各单位巡检作业应当重视飞行安全，按规定开展飞行前检查，确保人员和设备安全。\n";
        using var response = await client.PostAsync("/api/documents", Files(("rules.txt", Encoding.UTF8.GetBytes(rules)), ("note.txt", Encoding.UTF8.GetBytes(elsewhere))), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await ResultsAsync(response)).Single(r => r!["file"]!.GetValue<string>() == "rules.txt")!["documentId"]!.GetValue<int>();

        // The two articles say the same; the question's 飞行安全 stands in the second one's chapter.
        var question = (await client.GetJsonAsync("/api/passages?take=50&q=" + Uri.EscapeDataString("巡检航线怎么报告，飞行安全有什么要求？"))).AsArray()
            .Where(p => p!["documentId"]!.GetValue<int>() == id).Select(p => p!["text"]!.GetValue<string>()).ToList();
        Assert.True(question.IndexOf("第二条 作业单位应当报告巡检航线。") is >= 0 and var second && second < question.IndexOf("第一条 作业单位应当报告巡检航线。"), string.Join(" | ", question));

        // Keywords ask for paragraphs that hold the words themselves: those come before any that only stand under them.
        var keyword = (await client.GetJsonAsync("/api/passages?take=50&q=" + Uri.EscapeDataString("飞行安全"))).AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();
        var holding = keyword.Select(t => t.Contains("飞行安全", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, holding.Count(h => h));
        Assert.True(holding.SequenceEqual(holding.OrderByDescending(h => h)), string.Join(" | ", keyword));
    }

    [Fact]
    public async Task Passages_AQuestionsAnsweringParagraph_ComesBeforeTheShortHeadingLineAboveIt()
    {
        var client = await OfficialAsync();
        const string plan = "算力供给行动方案\n\n一、算力基础设施建设\n\n统筹布局智能计算中心和数据中心，推动算力资源互联互通，完善全市算力调度平台，降低企业使用算力的成本，" +
            "支持重点企业开展大模型训练和行业应用，到2025年形成全市一体化的算力供给体系，加快算力基础设施建设。\n";
        using var response = await client.PostAsync("/api/documents", Files(("compute.txt", Encoding.UTF8.GetBytes(plan))), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await ResultsAsync(response)).Single()!["documentId"]!.GetValue<int>();

        // The heading line holds every word of the question in a few characters; the paragraph under it says how.
        var texts = (await client.GetJsonAsync("/api/passages?take=50&q=" + Uri.EscapeDataString("算力基础设施怎么建设？"))).AsArray()
            .Where(p => p!["documentId"]!.GetValue<int>() == id).Select(p => p!["text"]!.GetValue<string>()).ToList();
        var heading = texts.IndexOf("一、算力基础设施建设");
        var answer = texts.FindIndex(t => t.StartsWith("统筹布局智能计算中心", StringComparison.Ordinal));
        Assert.True(answer >= 0 && answer < heading, string.Join(" | ", texts));
    }

    [Fact]
    public async Task Ingest_BadFiles_AreRefusedOneByOneWithFileAndReason_AndNothingIsStored()
    {
        var client = await OfficialAsync();
        var documents = await CountAsync<Document>();
        var versions = await CountAsync<DocumentVersion>();
        var passages = await CountAsync<DocumentPassage>();
        var oversized = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("人工智能产业。", DocumentIngestApp<TTarget>.MaxFileBytes / 10)));
        using var response = await client.PostAsync("/api/documents", Files(
            ("encrypted.pdf", Fixture("encrypted.pdf")),
            ("scanned.pdf", Fixture("scanned.pdf")),
            ("table.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
            ("huge.txt", oversized),
            ("blank.html", "<html><body><nav>相关阅读</nav></body></html>"u8.ToArray())), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var results = await ResultsAsync(response);
        Assert.All(results, r => Assert.Equal("Rejected", r!["outcome"]!.GetValue<string>()));
        var errors = results.Select(r => r!["error"]!.GetValue<string>()).ToList();
        Assert.StartsWith("encrypted.pdf:", errors[0], StringComparison.Ordinal);
        Assert.Contains("encrypted", errors[0], StringComparison.Ordinal);
        Assert.Contains("no text", errors[1], StringComparison.Ordinal);
        Assert.Contains("table.xlsx", errors[2], StringComparison.Ordinal);
        Assert.Contains("400 KB", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("blank.html:", errors[4], StringComparison.Ordinal);

        Assert.Equal(documents, await CountAsync<Document>());
        Assert.Equal(versions, await CountAsync<DocumentVersion>());
        Assert.Equal(passages, await CountAsync<DocumentPassage>());
    }

    [Fact]
    public async Task Ingest_Word97Notice_IsStoredWithItsOutlineAndFoundBySearch()
    {
        var client = await OfficialAsync();
        using var response = await client.PostAsync("/api/documents", Files(("申报通知.doc", Fixture("notice-word97.doc"))), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await ResultsAsync(response))[0]!["documentId"]!.GetValue<int>();
        var document = await client.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal("关于组织申报人工智能创新应用示范项目的通知", document["title"]!.GetValue<string>());
        Assert.Equal("doc", document["versions"]![0]!["format"]!.GetValue<string>());
        Assert.Contains(document["outline"]!.AsArray(), s => s!["title"]?.GetValue<string>() == "申报条件");
        var search = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("创新应用示范项目 申报条件"));
        Assert.Contains(search["page"]!["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);
    }

    [Fact]
    public async Task Ingest_WithoutTheOfficialRole_IsRefused()
    {
        using var anonymous = await _app.CreateClient().PostAsync("/api/documents", Files(("policy.html", Fixture("policy.html"))), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var enterprise = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: 1));
        using var denied = await enterprise.PostAsync("/api/documents", Files(("policy.html", Fixture("policy.html"))), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Ingest_IsAudited_WithTheFileAndItsHash()
    {
        var client = await OfficialAsync();
        var text = "关于审计测试的通知\n\n苏审测〔2026〕1号\n\n为检验文档入库的审计记录，特发此通知。\n\n苏州市测试局\n\n2026年1月5日";
        using var response = await client.PostAsync("/api/documents", Files(("audit-notice.txt", Encoding.UTF8.GetBytes(text))), Ct);
        var id = (await ResultsAsync(response)).Single()!["documentId"]!.GetValue<int>();
        var entry = await _app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "document-ingested" && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).SingleAsync(Ct));
        Assert.Contains("audit-notice.txt", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("sha256", entry.Detail, StringComparison.Ordinal);
        Assert.NotNull(entry.ActorId);
    }

    [Fact]
    public async Task Ingest_OlderEditionAfterNewer_KeepsTheNewerCurrent()
    {
        var client = await OfficialAsync();
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "laws-sample");
        byte[] Law(string file) => File.ReadAllBytes(Path.Combine(folder, file));
        using var newer = await client.PostAsync("/api/documents", Files(("科学技术普及法(2024-12-25).md", Law("科学技术普及法(2024-12-25).md"))), Ct);
        var id = (await ResultsAsync(newer)).Single()!["documentId"]!.GetValue<int>();
        using var older = await client.PostAsync("/api/documents", Files(("科学技术普及法(2002-06-29).md", Law("科学技术普及法(2002-06-29).md"))), Ct);
        var result = (await ResultsAsync(older)).Single()!;
        Assert.Equal("NewVersion", result["outcome"]!.GetValue<string>());
        Assert.Equal(id, result["documentId"]!.GetValue<int>());

        var document = await client.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal("2024-12-25", document["documentDate"]!.GetValue<string>());
        Assert.Equal(1, document["version"]!.GetValue<int>());
        var oldEdition = await client.GetJsonAsync($"/api/documents/{id}?version=2");
        Assert.Contains("2002年6月29日", oldEdition["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("2024年12月25日", oldEdition["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPage_OfficialUploadsTwoFiles_SeesEachResult()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.SignInAsync(_app, official);
        var page = await client.GetStringAsync("/documents/upload", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("关于页面上传测试的通知\n\n苏页测〔2026〕2号\n\n页面上传的文档应当入库并可检索。\n\n苏州市测试局\n\n2026年2月1日")), "files", "page-notice.txt" },
            { new ByteArrayContent(Fixture("scanned.pdf")), "files", "scanned.pdf" },
        };
        using var response = await client.PostAsync("/documents/upload", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await Jobs.WaitAsync(client, Jobs.ApiAddressOf(response), TimeSpan.FromMinutes(2));
        Assert.Equal("Succeeded", job["state"]!.GetValue<string>());
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
        Assert.Contains("关于页面上传测试的通知", html, StringComparison.Ordinal);
        Assert.Contains("scanned.pdf: 文件中没有可提取的文字", html, StringComparison.Ordinal);

        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var denied = await anonymous.GetAsync("/documents/upload", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    [Fact]
    public async Task Reindex_Verb_RebuildsBothIndexesAndSearchStillFinds()
    {
        await using var scope = _app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["reindex"]));
        using var output = new StringWriter();
        Assert.Equal(0, await verb.RunAsync(CliCommand.Parse(["reindex"])!, scope.ServiceProvider, output, Ct));
        Assert.Contains("documents: rebuilt", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("passages: rebuilt", output.ToString(), StringComparison.Ordinal);
        var result = await _app.CreateClient().GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("低空经济"));
        Assert.Equal(2, result["page"]!["total"]!.GetValue<int>());
    }
}

public sealed class SqliteDocumentIngestTests(DocumentIngestApp<SqliteTarget> app) : DocumentIngestTests<SqliteTarget>(app), IClassFixture<DocumentIngestApp<SqliteTarget>>;

public sealed class PostgresDocumentIngestTests(DocumentIngestApp<PostgresTarget> app) : DocumentIngestTests<PostgresTarget>(app), IClassFixture<DocumentIngestApp<PostgresTarget>>;
