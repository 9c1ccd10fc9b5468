using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Documents;

/// <summary>An app of its own: the laws sample changes what searches find.</summary>
public sealed class LawsApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new();

/// <summary>The laws sample (tests/fixtures/laws-sample), brought in as an operator does.</summary>
public static class LawsSample
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "laws-sample");

    /// <summary>The sample through the CLI's import; returns what the command printed.</summary>
    public static async Task<string> ImportAsync<TTarget>(TestApp<TTarget> app)
        where TTarget : DatabaseTarget, new()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["import", "documents"]));
        using var output = new StringWriter();
        var exit = await verb.RunAsync(CliCommand.Parse(["import", "documents", Folder])!, scope.ServiceProvider, output, ct);
        Assert.True(exit == 0, output.ToString());
        return output.ToString();
    }
}

/// <summary>30 real laws and regulations (tests/fixtures/laws-sample) through the CLI: outlines, dates, versions, search.</summary>
public abstract class LawsSampleTests<TTarget> : DatabaseTests<TTarget>, IAsyncLifetime
    where TTarget : DatabaseTarget, new()
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<LawsApp<TTarget>> Imported = [];
    private readonly LawsApp<TTarget> _app;

    protected LawsSampleTests(LawsApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Folder => LawsSample.Folder;

    public string ImportOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (Imported.Add(_app))
            {
                ImportOutput = await LawsSample.ImportAsync(_app);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Import_EveryLaw_HasChapterArticleOutlineAndADate()
    {
        var laws = await _app.WithDbAsync(db => db.Set<Document>().AsNoTracking().Where(d => d.Kind == DocumentKind.Law)
            .Select(d => new { d.Title, d.DocumentDate, d.IssuingBody, Articles = db.Set<DocumentSection>().Count(s => s.VersionId == d.CurrentVersionId && s.Level == 3) })
            .ToListAsync(Ct));
        Assert.Equal(28, laws.Count); // 30 files, two of them older editions of two others
        Assert.All(laws, l =>
        {
            Assert.NotNull(l.DocumentDate);
            Assert.NotNull(l.IssuingBody);
            Assert.True(l.Articles >= 5, $"{l.Title}: {l.Articles} articles in the outline");
        });
    }

    [Fact]
    public async Task Import_TwoEditionsOfOneLaw_AreOneDocumentWithTheNewerCurrent()
    {
        var document = await _app.WithDbAsync(db => db.Set<Document>().AsNoTracking().Include(d => d.Versions).SingleAsync(d => d.Title == "中华人民共和国科学技术普及法", Ct));
        Assert.Equal(2, document.Versions.Count);
        Assert.Equal(new DateOnly(2024, 12, 25), document.DocumentDate);
        var current = document.Versions.Single(v => v.Id == document.CurrentVersionId);
        Assert.Contains("2024", current.SourceFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_LawTopic_RanksTheLawAboutItFirst()
    {
        var client = _app.CreateClient();
        foreach (var (query, title) in new[] { ("个人信息处理", "中华人民共和国个人信息保护法"), ("数据安全", "中华人民共和国数据安全法"), ("人工智能产业", "深圳经济特区人工智能产业促进条例"), ("电子签名", "中华人民共和国电子签名法") })
        {
            var result = await client.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(query)}&kind=Law");
            Assert.Equal(title, result["page"]!["items"]![0]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Search_AQuestion_FindsTheLawThatAnswersIt_EvenWhenNoLawHoldsEveryWord()
    {
        var client = _app.CreateClient();

        // A question lists the documents holding any of its words, more of them first; the question word is not asked for.
        var asked = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("个人独资企业的投资人对企业债务承担什么责任？"));
        Assert.True(asked["relaxed"]!.GetValue<bool>());
        Assert.Equal("中华人民共和国个人独资企业法", asked["page"]!["items"]![0]!["title"]!.GetValue<string>());

        // Keywords ask for every word: here no law holds them all, so the search says it relaxed.
        var keywords = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("个人独资企业 量子退火"));
        Assert.True(keywords["relaxed"]!.GetValue<bool>());
        var exact = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("个人独资企业 投资人"));
        Assert.False(exact["relaxed"]!.GetValue<bool>());
        Assert.Equal("中华人民共和国个人独资企业法", exact["page"]!["items"]![0]!["title"]!.GetValue<string>());

        // No law holds every word of this one: the laws holding most of them come first, and the page says so.
        var question = "网店卖家开具发票是否违反电子商务的规定";
        var relaxed = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(question));
        Assert.True(relaxed["relaxed"]!.GetValue<bool>());
        var titles = relaxed["page"]!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("中华人民共和国电子商务法", titles.Take(3));

        // A list by date keeps to documents that hold every word.
        var byDate = await client.GetJsonAsync("/api/search?sort=date&q=" + Uri.EscapeDataString(question));
        Assert.Equal((false, 0), (byDate["relaxed"]!.GetValue<bool>(), byDate["page"]!["total"]!.GetValue<int>()));

        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
        var sql = await search.RunAsync(new DocumentSearch.Query(question, PageSize: 100), useSearchIndex: false, Ct);
        var lucene = await search.RunAsync(new DocumentSearch.Query(question, PageSize: 100), useSearchIndex: true, Ct);
        Assert.Equal(sql.Page.Total, lucene.Page.Total); // the same laws hold some of the words on both paths; their order may differ
        // Documents brought up by their paragraphs are among those counted, not added to the count: each counted once under its kind.
        Assert.Equal(lucene.Page.Total, lucene.Facets["kind"].Sum(f => f.Count));
    }

    [Fact]
    public async Task Search_NamingALawAndArticle_GoesStraightToTheArticle()
    {
        var client = _app.CreateClient();
        var query = Uri.EscapeDataString("个人信息保护法第十三条");
        var result = await client.GetJsonAsync("/api/search?q=" + query);
        var law = result["named"]!["laws"]![0]!;
        Assert.Equal(("中华人民共和国个人信息保护法", "第十三条", 13), (law["title"]!.GetValue<string>(), law["article"]!.GetValue<string>(), law["articleNumber"]!.GetValue<int>()));
        Assert.StartsWith("第十三条 符合下列情形之一的，个人信息处理者方可处理个人信息：", law["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(law["documentId"]!.GetValue<int>(), result["page"]!["items"]![0]!["id"]!.GetValue<int>());

        var passages = (await client.GetJsonAsync("/api/passages?q=" + query)).AsArray();
        Assert.StartsWith("第十三条 符合下列情形之一的", passages[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The page names the law above the results and opens it at the article, highlighted.
        var page = await client.GetStringAsync("/search?q=" + query, Ct);
        var start = law["start"]!.GetValue<int>();
        Assert.Contains("data-testid=\"named-laws\"", page, StringComparison.Ordinal);
        var document = await OpenLinkToAsync(client, page, start);
        Assert.Matches($"<span id=\"s-{start}\" class=\"sentence cited\"[^>]*>\\s*<mark[^>]*>第十三条</mark>\\s*符合下列情形之一的", document);

        // An article the law does not have: the law is still named, and the search says the article is not in it.
        var missing = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("数据安全法第九十九条"));
        Assert.Equal("第九十九条", missing["named"]!["missingArticle"]!.GetValue<string>());
        Assert.Equal("中华人民共和国数据安全法", missing["named"]!["laws"]![0]!["title"]!.GetValue<string>());
        Assert.Null(missing["named"]!["laws"]![0]!["article"]);

        // A query naming no law names none.
        Assert.Empty((await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("法律援助怎么申请")))["named"]!["laws"]!.AsArray());
    }

    [Fact]
    public async Task Search_EachResult_OpensAtItsAnsweringArticle()
    {
        var client = _app.CreateClient();
        var query = Uri.EscapeDataString("发明专利申请公布后 支付适当的费用");
        var result = await client.GetJsonAsync("/api/search?q=" + query);
        var item = result["page"]!["items"]![0]!;
        Assert.Equal("中华人民共和国专利法", item["title"]!.GetValue<string>());
        var answer = item["answer"]!;
        Assert.Equal(("第十三条", 13), (answer["article"]!.GetValue<string>(), answer["articleNumber"]!.GetValue<int>()));

        var page = await client.GetStringAsync("/search?q=" + query, Ct);
        var start = answer["start"]!.GetValue<int>();
        Assert.Contains($"#s-{start}\" data-testid=\"open-at-answer\">在原文中查看第十三条</a>", page, StringComparison.Ordinal);
        var english = await client.GetStringAsync("/search?culture=en&ui-culture=en&q=" + query, Ct);
        Assert.Contains("Open the document at article 13</a>", english, StringComparison.Ordinal);
        var document = await OpenLinkToAsync(client, page, start);
        Assert.Matches($"<span id=\"s-{start}\" class=\"sentence cited\"[^>]*>\\s*第十三条\\s*<mark", document);
    }

    [Fact]
    public async Task Search_AQuestionInEverydayWords_AlsoAsksForTheWordsLawsUse_AndThePageSaysWhich()
    {
        var client = _app.CreateClient();
        var question = Uri.EscapeDataString("商家卖假货顾客能要求赔偿吗");
        var result = await client.GetJsonAsync("/api/search?q=" + question);
        var added = result["terms"]!.AsArray().Where(t => t!["for"] is not null).Select(t => (t!["text"]!.GetValue<string>(), t["for"]!.GetValue<string>())).ToList();
        Assert.Contains(("经营者", "商家"), added);
        Assert.Contains(("消费者", "顾客"), added);
        // The first law is found by the words it writes: marked in its snippet though the question never typed them.
        var first = result["page"]!["items"]![0]!;
        Assert.Equal("中华人民共和国电子商务法", first["title"]!.GetValue<string>());
        var marked = first["snippet"]!.AsArray().Where(p => p!["hit"]!.GetValue<bool>()).Select(p => p!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("经营者", marked);
        Assert.Contains("消费者", marked);

        var page = await client.GetStringAsync("/search?q=" + question, Ct);
        Assert.Matches("data-testid=\"everyday-words\">同时检索了法规用语：[^<]*<span lang=\"zh\">商家 → 经营者</span>", page);
        var english = await client.GetStringAsync("/search?culture=en&ui-culture=en&q=" + question, Ct);
        Assert.Contains("Also searched for the words laws use: ", english, StringComparison.Ordinal);

        // Keywords are searched as typed.
        var keywords = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("商家 顾客"));
        Assert.All(keywords["terms"]!.AsArray(), t => Assert.Null(t!["for"]));
    }

    /// <summary>Follows the page's link to a document opened at the sentence starting at <paramref name="start"/>.</summary>
    private static async Task<string> OpenLinkToAsync(HttpClient client, string page, int start)
    {
        var link = System.Text.RegularExpressions.Regex.Match(page, $"href=\"(/documents/\\d+\\?[^\"#]*)#s-{start}\"");
        Assert.True(link.Success, $"no link to #s-{start}");
        return await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value), Ct);
    }

    [Fact]
    public async Task Search_LuceneIndexAndSql_FindTheSameDocumentsAndFacets()
    {
        await using var scope = _app.Scope();
        var search = scope.ServiceProvider.GetRequiredService<DocumentSearch>();
        var index = scope.ServiceProvider.GetRequiredService<DocumentSearchIndex>();
        // Both paths search a Lucene index: beside the SQLite file, or each node's own following PostgreSQL.
        Assert.True(index.Enabled);
        DocumentSearch.Query[] queries =
        [
            new("人工智能"), new("法律"), new("人民法院 审理"), new("个人信息处理"), new("数据安全"), new("智能芯片"), new("人工智慧"),
            new("DFM-2"), new("电子签名", Kind: "Law"), new("国务院", Year: 2024), new("标准", Status: "Valid"), new(null), new(null, Kind: "Law", PageSize: 100),
            new(null, Category: "人工智能产业"), new("人工智能", Method: "其他"), new(null, Industry: "新一代信息技术"), new("法律", Sort: "date"), new("人工智能", Sort: "date"),
        ];
        foreach (var query in queries)
        {
            var sql = await search.RunAsync(query with { PageSize = 100 }, useSearchIndex: false, Ct);
            var lucene = await search.RunAsync(query with { PageSize = 100 }, useSearchIndex: true, Ct);
            var label = $"{query.Q} {query.Kind} {query.Year} {query.Status}";
            TestContext.Current.TestOutputHelper?.WriteLine($"{label}: {sql.Page.Total} SQL, {lucene.Page.Total} Lucene");
            Assert.Equal(sql.Page.Total, lucene.Page.Total);
            Assert.Equal(sql.Page.Items.Select(i => i.Id).Order(), lucene.Page.Items.Select(i => i.Id).Order());
            Assert.Equal(sql.Facets.Keys.Order(), lucene.Facets.Keys.Order());
            foreach (var (name, values) in sql.Facets)
            {
                Assert.True(values.SequenceEqual(lucene.Facets[name]), $"{label}: facet {name} SQL [{string.Join(", ", values)}] Lucene [{string.Join(", ", lucene.Facets[name])}]");
            }

            if (query.Q is null || query.Sort is not null)
            {
                // Without words, or when asked, both list newest first.
                Assert.Equal(sql.Page.Items.Select(i => i.Id), lucene.Page.Items.Select(i => i.Id));
            }
        }
    }

    [Fact]
    public async Task Search_AfterIngestAndNewVersion_FindsOnlyTheCurrentText()
    {
        var client = _app.CreateClient();
        // By date: only documents holding every word (by relevance, those holding some would follow when none holds all).
        async Task<List<string>> TitlesAsync(string q) =>
            (await client.GetJsonAsync($"/api/search?sort=date&q={Uri.EscapeDataString(q)}"))["page"]!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()).ToList();

        Assert.Empty(await TitlesAsync("量子退火"));
        await using (var scope = _app.Scope())
        {
            var ingestion = scope.ServiceProvider.GetRequiredService<Features.Documents.Ingestion.DocumentIngestion>();
            var first = await ingestion.IngestAsync("量子计算试点通知.txt", System.Text.Encoding.UTF8.GetBytes("关于开展量子计算应用试点的通知\n\n一、支持企业开展量子退火算法在物流调度中的应用。\n"), null, Ct);
            Assert.Equal(Features.Documents.Ingestion.IngestOutcome.Created, first.Outcome);
        }

        Assert.Equal(["关于开展量子计算应用试点的通知"], await TitlesAsync("量子退火"));
        Assert.Contains(await PassageTextsAsync("量子退火"), t => t.Contains("量子退火算法", StringComparison.Ordinal));
        await using (var scope = _app.Scope())
        {
            var ingestion = scope.ServiceProvider.GetRequiredService<Features.Documents.Ingestion.DocumentIngestion>();
            var second = await ingestion.IngestAsync("量子计算试点通知.txt", System.Text.Encoding.UTF8.GetBytes("关于开展量子计算应用试点的通知\n\n一、支持企业开展量子纠错芯片在药物研发中的应用。\n"), null, Ct);
            Assert.Equal(Features.Documents.Ingestion.IngestOutcome.NewVersion, second.Outcome);
        }

        Assert.Empty(await TitlesAsync("量子退火"));
        Assert.Equal(["关于开展量子计算应用试点的通知"], await TitlesAsync("量子纠错"));
        // The paragraphs too: the earlier version's leave the paragraph search, the current one's are found.
        Assert.DoesNotContain(await PassageTextsAsync("量子退火"), t => t.Contains("退火", StringComparison.Ordinal));
        Assert.Contains(await PassageTextsAsync("量子纠错"), t => t.Contains("量子纠错芯片", StringComparison.Ordinal));

        async Task<List<string>> PassageTextsAsync(string q) =>
            (await client.GetJsonAsync($"/api/passages?take=20&q={Uri.EscapeDataString(q)}")).AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Search_SupportFacets_CountEachValueOfADocumentAndFilterByAny()
    {
        await using (var scope = _app.Scope())
        {
            var ingestion = scope.ServiceProvider.GetRequiredService<Features.Documents.Ingestion.DocumentIngestion>();
            foreach (var (file, text) in new[]
            {
                ("算力券通知.txt", "关于发放算力券的通知\n分类:产业扶持政策,算力服务,算力服务\n支持方式:资金补助、算力券\n支持产业:新一代信息技术\n\n一、对租用智能算力的企业发放算力券。\n"),
                ("语料补贴通知.txt", "关于支持语料库建设的通知\n分类:算力服务\n支持方式:资金补助\n\n一、对建设行业语料库的企业给予资金补助。\n"),
            })
            {
                Assert.Equal(Features.Documents.Ingestion.IngestOutcome.Created, (await ingestion.IngestAsync(file, System.Text.Encoding.UTF8.GetBytes(text), null, Ct)).Outcome);
            }
        }

        var client = _app.CreateClient();
        var all = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("企业 通知"));
        int Count(System.Text.Json.Nodes.JsonNode result, string facet, string value) =>
            result["facets"]![facet]!.AsArray().Where(f => f!["value"]!.GetValue<string>() == value).Select(f => f!["count"]!.GetValue<int>()).SingleOrDefault();

        // A value written twice in one document counts it once; a document with two methods counts under each.
        Assert.Equal(2, Count(all, "category", "算力服务"));
        Assert.Equal(2, Count(all, "method", "资金补助"));
        Assert.Equal(1, Count(all, "method", "算力券"));
        var coupon = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("企业 通知") + "&method=" + Uri.EscapeDataString("算力券"));
        Assert.Equal(["关于发放算力券的通知"], coupon["page"]!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        Assert.Equal(1, Count(coupon, "method", "资金补助"));

        using var unknownSort = await client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("通知") + "&sort=popular", UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknownSort.StatusCode);
        Assert.Contains("popular", await unknownSort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AgainTheSameFolder_StoresNothingNew()
    {
        var before = await _app.WithDbAsync(db => db.Set<DocumentVersion>().CountAsync(Ct));
        await using var scope = _app.Scope();
        var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["import", "documents"]));
        using var output = new StringWriter();
        Assert.Equal(0, await verb.RunAsync(CliCommand.Parse(["import", "documents", Folder])!, scope.ServiceProvider, output, Ct));
        Assert.Contains("0 new, 0 new versions, 30 unchanged, 0 refused", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Set<DocumentVersion>().CountAsync(Ct)));
    }
}

public sealed class SqliteLawsSampleTests(LawsApp<SqliteTarget> app) : LawsSampleTests<SqliteTarget>(app), IClassFixture<LawsApp<SqliteTarget>>;

public sealed class PostgresLawsSampleTests(LawsApp<PostgresTarget> app) : LawsSampleTests<PostgresTarget>(app), IClassFixture<LawsApp<PostgresTarget>>;
