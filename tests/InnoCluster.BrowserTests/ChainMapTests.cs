using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>An official explores the industry chain map and drills into a node's enterprises.</summary>
public sealed class ChainMapTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ChainMap_ClickNode_LandsOnItsEnterprises()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chain");
        await page.Locator("#chain-chart[data-ready='true']").WaitForAsync();

        var node = page.Locator("#chain-chart svg text", new() { HasTextString = "垂直领域大模型 (3)" });
        await node.ClickAsync();

        await page.WaitForURLAsync("**/enterprises?node=vertical-llm");
        var names = await page.Locator("table.data tbody td:first-child a").AllInnerTextsAsync();
        Assert.Equal(["企查查", "智慧芽", "清睿教育"], names.Order().ToArray());
    }

    [Fact]
    public async Task ChainMap_WithoutJavaScript_ListsNodesWithWeakLinksMarked()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/chain");
        var bci = page.Locator("li.node.strength-none", new() { HasTextString = "脑机接口" });
        await Assertions.Expect(bci).ToBeVisibleAsync();
        await bci.GetByRole(AriaRole.Link, new() { Name = "脑机接口" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.count")).ToContainTextAsync("共 0 家企业");
    }

    [Fact]
    public async Task Pages_EnglishSwitch_ShowsEnglishNavigation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/enterprises");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enterprise registry");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("Chain map");
    }
}
