using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>A reader searches the library in Chinese, opens a result, and follows a fact to its sentence.</summary>
public sealed class DocumentLibraryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Search_OpenResult_ClickFact_LandsOnTheHighlightedSentence()
    {
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

        var fact = page.Locator(".facts-panel a.fact", new() { HasTextString = "2300" }).First;
        await fact.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"\?s=\d+#s-\d+$"));

        var cited = page.Locator(".sentence.cited");
        await Assertions.Expect(cited).ToHaveCountAsync(1);
        await Assertions.Expect(cited).ToContainTextAsync("營收超2300億元");
        await Assertions.Expect(cited).ToBeInViewportAsync();
    }

    [Fact]
    public async Task SeedCitation_OnEnterprisePage_OpensTheSourceAtTheQuote()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/enterprises?q=" + Uri.EscapeDataString("思必驰"));
        await page.Locator("table.data tbody td:first-child a").First.ClickAsync();
        var source = page.Locator("a.source-link").First;
        var quoted = (await page.Locator("q").First.InnerTextAsync()).Trim();
        await source.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+\?s=\d+&e=\d+#s-\d+$"));
        var cited = page.Locator(".sentence.cited");
        await Assertions.Expect(cited.First).ToBeInViewportAsync();
        var text = string.Concat(await cited.AllInnerTextsAsync());
        Assert.Contains(quoted[..Math.Min(12, quoted.Length)], text, StringComparison.Ordinal);
    }
}
