using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>What a government site's reader expects: a large-text mode they switch on once, and a site map from the footer.</summary>
public sealed class SiteTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task LargeText_EnlargesEveryPage_UntilSwitchedOff_AndStillFitsAPhone()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("人工智能"));
        var standard = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize)");
        await page.GetByTestId("display-switch").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?q="));
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("large-text");
        var large = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main h1')).fontSize)");
        Assert.True(large >= standard * 1.2, $"heading {standard}px became {large}px");

        await page.GotoAsync("/plans");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("large-text");
        await page.SetViewportSizeAsync(390, 800);
        await BrowserApp.AssertFitsWidthAsync(page);

        await page.GetByTestId("display-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync("large-text");
    }

    [Fact]
    public async Task SiteMap_FromTheFooter_ListsThePublicPages()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "网站信息" }).GetByRole(AriaRole.Link, new() { Name = "网站地图" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("网站地图");
        await page.GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/calendar$"));
    }

    [Fact]
    public async Task SystemAdministrator_StatesWhoRunsTheSite_AWrongFilingNumberIsNamed_AndTheFooterShowsIt()
    {
        var page = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, InnoCluster.Infrastructure.Web.Roles.SystemAdmin, totp: true));
        await page.GotoAsync("/admin/site");
        await page.GetByLabel("主办单位", new() { Exact = true }).FillAsync("苏州市人工智能产业创新集群推进办公室");
        await page.GetByLabel("ICP备案号").FillAsync("备案中");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#icpNumber-error")).ToContainTextAsync("ICP备案号的格式如");
        await Assertions.Expect(page.GetByLabel("主办单位", new() { Exact = true })).ToHaveValueAsync("苏州市人工智能产业创新集群推进办公室"); // nothing typed is lost

        await page.GetByLabel("ICP备案号").FillAsync("苏ICP备12345678号-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("网站信息已保存");
        var identity = page.GetByTestId("site-identity");
        await Assertions.Expect(identity).ToContainTextAsync("主办单位：苏州市人工智能产业创新集群推进办公室");
        await Assertions.Expect(identity.GetByRole(AriaRole.Link, new() { Name = "苏ICP备12345678号-1" })).ToHaveAttributeAsync("href", "https://beian.miit.gov.cn/");
    }
}
