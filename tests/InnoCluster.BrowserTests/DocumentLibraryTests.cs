using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>A reader searches the library in Chinese, opens a result, and follows a fact to its sentence.</summary>
public sealed class DocumentLibraryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Search_OpenResult_ClickFact_LandsOnTheHighlightedSentence()
    {
        Assertions.SetDefaultExpectTimeout(30_000); // a long document renders slowly while other browser classes run
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "政策文库" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "检索" }).FillAsync("人工智能 营收");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();

        var result = page.Locator(".results-list h2 a", new() { HasTextString = "中国最强地级市" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".results-list mark").First).ToBeVisibleAsync();
        await result.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("中国最强地级市，又有大动作");
        // The result opens at the paragraph that answers: highlighted, its words marked, in view.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"&s=\d+&e=\d+#s-\d+$"));
        await Assertions.Expect(page.Locator(".sentence.cited mark").First).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("matches-bar")).ToContainTextAsync("匹配");

        var fact = page.Locator(".facts-panel a.fact", new() { HasTextString = "2300" }).First;
        await fact.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"\?s=\d+#s-\d+$"), new() { WaitUntil = WaitUntilState.Commit }); // the cited sentence is awaited below

        var cited = page.Locator(".sentence.cited");
        await Assertions.Expect(cited).ToHaveCountAsync(1);
        await Assertions.Expect(cited).ToContainTextAsync("營收超2300億元");
        await Assertions.Expect(cited).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Search_NarrowByCategory_ThenOrderByDate_KeepsTheFilter()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("人工智能"));
        var categories = page.Locator("[data-facet=category]");
        await Assertions.Expect(page.Locator(".facets h2", new() { HasTextString = "分类" })).ToBeVisibleAsync();
        await categories.GetByRole(AriaRole.Link, new() { Name = "人工智能产业" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("category="));
        await Assertions.Expect(page.Locator(".results-list h2 a")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".results-list h2 a")).ToContainTextAsync("人工智能产业创新集群");

        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("人工智能"));
        await page.GetByTestId("search-sort").GetByRole(AriaRole.Link, new() { Name = "按日期（新的在前）" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sort=date"));
        await Assertions.Expect(page.GetByTestId("search-sort").Locator("[aria-current=true]")).ToHaveTextAsync("按日期（新的在前）");
        var dates = await page.Locator(".results-list .muted").AllInnerTextsAsync();
        var days = dates.Select(d => System.Text.RegularExpressions.Regex.Match(d, @"20\d\d-\d\d-\d\d")).Where(m => m.Success).Select(m => m.Value).ToList();
        Assert.True(days.Count >= 2, string.Join(" | ", dates));
        Assert.Equal(days.OrderDescending(StringComparer.Ordinal), days);
    }

    [Fact]
    public async Task SeedCitation_OnEnterprisePage_OpensTheSourceAtTheQuote()
    {
        Assertions.SetDefaultExpectTimeout(30_000); // a long document renders slowly while other browser classes run
        var page = await app.NewPageAsync();
        await page.GotoAsync("/enterprises?q=" + Uri.EscapeDataString("思必驰"));
        await page.Locator("table.data tbody td:first-child a").First.ClickAsync();
        var source = page.Locator("a.source-link").First;
        var quoted = (await page.Locator("q").First.InnerTextAsync()).Trim();
        await source.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+\?s=\d+&e=\d+#s-\d+$"), new() { WaitUntil = WaitUntilState.Commit }); // the cited sentence is awaited below
        var cited = page.Locator(".sentence.cited");
        await Assertions.Expect(cited.First).ToBeInViewportAsync();
        var text = string.Concat(await cited.AllInnerTextsAsync());
        Assert.Contains(quoted[..Math.Min(12, quoted.Length)], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_ReadsAsADocument_TextTakesMostOfTheWidth_FactsBesideIt()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("人工智能 营收"));
        await page.Locator(".results-list h2 a", new() { HasTextString = "中国最强地级市" }).ClickAsync();
        var text = await page.Locator("article.document-text").BoundingBoxAsync();
        var side = await page.Locator("aside.document-side").BoundingBoxAsync();
        Assert.NotNull(text);
        Assert.NotNull(side);
        Assert.True(text.Width >= 0.6 * 1400, $"the text column is {text.Width} px of 1400");
        Assert.True(side.X > text.X + text.Width, "details and facts sit to the right of the text");
        Assert.True(side.Y < 400, $"the side column starts at {side.Y} px, beside the text's start");
        await Assertions.Expect(page.Locator(".facts-panel a.fact").First).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(390, 800);
        await BrowserApp.AssertFitsWidthAsync(page);
        text = await page.Locator("article.document-text").BoundingBoxAsync();
        side = await page.Locator("aside.document-side").BoundingBoxAsync();
        Assert.True(side!.Y > text!.Y, "on a phone the details follow the text");
    }
}
