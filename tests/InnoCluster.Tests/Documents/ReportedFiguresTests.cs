using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// The counts the documents report of the cluster's firms and filings, as the seed loads them: each with its sentence
/// (found in its document, where the link lands), the scope and year the document states and none it does not; the
/// home page shows them apart from the registry's counts, in the reader's language.
/// </summary>
public abstract class ReportedFiguresTests<TTarget>(TestApp<TTarget> app) : DatabaseTests<TTarget>(app)
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app = app;

    [Fact]
    public async Task TheDocumentsFigures_StandWithTheirSentences_AndTheHomePageShowsThemApartFromTheRegistry()
    {
        var figures = (await app.CreateClient().GetJsonAsync("/api/reported-figures")).AsArray();
        Assert.Equal(14, figures.Count);
        var compute = Assert.Single(figures, f => f!["key"]!.GetValue<string>() == "compute-intelligent")!;
        Assert.Equal((5500m, "P", "苏州市"), (compute["value"]!.GetValue<decimal>(), compute["unit"]!.GetValue<string>(), compute["scope"]!.GetValue<string>()));
        Assert.Null(compute["year"]); // 现有: the sentence gives no year
        var listed = Assert.Single(figures, f => f!["key"]!.GetValue<string>() == "listed" && f["year"]?.GetValue<int>() == 2024)!;
        Assert.Equal((32m, "家", "苏州市人工智能产业"), (listed["value"]!.GetValue<decimal>(), listed["unit"]!.GetValue<string>(), listed["scope"]!.GetValue<string>()));
        // 002 gives no year for its filings: none is made up.
        Assert.All(figures.Where(f => f!["documentTitle"]!.GetValue<string>().Contains("新质生产力", StringComparison.Ordinal)), f => Assert.Null(f!["year"]));

        // Each link opens the document at its sentence.
        var link = listed["link"]!.GetValue<string>();
        var document = await app.CreateClient().GetJsonAsync($"/api/documents/{listed["documentId"]!.GetValue<int>()}");
        var text = document["text"]!.GetValue<string>();
        var (start, end) = Span(link);
        Assert.Equal(listed["quote"]!.GetValue<string>(), text[start..end]);

        var chinese = await app.CreateClient().GetStringAsync("/?culture=zh-CN&ui-culture=zh-CN", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"reported-figures\"", chinese, StringComparison.Ordinal);
        Assert.Contains("全球独角兽企业", chinese, StringComparison.Ordinal);
        var english = await app.CreateClient().GetStringAsync("/?culture=en&ui-culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("Reported by the documents", english, StringComparison.Ordinal);
        Assert.Contains("Global unicorns", english, StringComparison.Ordinal);
        Assert.Contains("1,000 million yuan", english, StringComparison.Ordinal); // 000's 10亿元 of financing, in the reader's words
        Assert.Contains("5,500 P", english, StringComparison.Ordinal);
        Assert.Contains("10</strong>亿元", chinese, StringComparison.Ordinal);
    }

    /// <summary>The sentence's start and end in a document link (/documents/{id}?s=START&amp;e=END#s-START).</summary>
    private static (int Start, int End) Span(string link)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        return (int.Parse(query["s"]!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(query["e"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteReportedFiguresTests(TestApp<SqliteTarget> app) : ReportedFiguresTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresReportedFiguresTests(TestApp<PostgresTarget> app) : ReportedFiguresTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
