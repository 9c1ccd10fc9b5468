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

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task ChainMap_OnAPhone_LabelsNeitherOverlapNorAreCut_AndOnlyTheChartScrolls(string culture)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/culture/{culture}?returnUrl=/chain");
        await page.Locator("#chain-chart[data-ready='true']").WaitForAsync();
        var labels = await page.EvaluateAsync<LabelBox[]>(@"() => {
            const svg = document.querySelector('#chain-chart svg').getBoundingClientRect();
            return [...document.querySelectorAll('#chain-chart svg text')].filter(t => t.textContent.trim()).map(t => {
                const b = t.getBoundingClientRect();
                return { text: t.textContent, left: b.left - svg.left, top: b.top - svg.top, right: b.right - svg.left, bottom: b.bottom - svg.top, width: svg.width, height: svg.height };
            });
        }");
        Assert.True(labels.Length > 40, $"{labels.Length} labels");
        Assert.All(labels, l => Assert.True(l.Left >= 0 && l.Right <= l.Width + 0.5 && l.Top >= 0 && l.Bottom <= l.Height + 0.5, $"“{l.Text}” is cut: {l.Left:0}–{l.Right:0} of {l.Width:0}"));
        var overlapping = labels.SelectMany((a, i) => labels.Skip(i + 1).Where(b => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 1 && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > 1).Select(b => $"“{a.Text}” × “{b.Text}”")).ToList();
        Assert.True(overlapping.Count == 0, string.Join("; ", overlapping));
        Assert.Null(await BrowserApp.SidewaysScrollAsync(page));
        await Assertions.Expect(page.Locator(".phone-only")).ToBeVisibleAsync();
    }

    public sealed class LabelBox
    {
        public string Text { get; set; } = "";

        public double Left { get; set; }

        public double Top { get; set; }

        public double Right { get; set; }

        public double Bottom { get; set; }

        public double Width { get; set; }

        public double Height { get; set; }
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
