using InnoCluster.Infrastructure.Web;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// Every page a visitor and an official reach by following links, on a 390 px phone, in each language:
/// none scrolls sideways (a wide table scrolls inside itself, charts redraw to the width), and none shows
/// an internal code or a phrase of the other language (<see cref="OneLanguage"/>).
/// </summary>
public sealed class PhoneWidthTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EveryPage_AVisitorReaches_FitsAPhone_InChinese() =>
        await WalkAsync(await PhoneAsync(), english: false);

    [Fact]
    public async Task EveryPage_AVisitorReaches_FitsAPhone_InEnglish() =>
        await WalkAsync(await PhoneAsync(), english: true);

    [Fact]
    public async Task EveryPage_AnOfficialReaches_FitsAPhone_InChinese()
    {
        var page = await PhoneAsync();
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, totp: true));
        await WalkAsync(page, english: false);
    }

    [Fact]
    public async Task EveryPage_AnOfficialReaches_FitsAPhone_InEnglish()
    {
        var page = await PhoneAsync();
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, totp: true));
        await WalkAsync(page, english: true);
    }

    private async Task<IPage> PhoneAsync()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }

    private static async Task WalkAsync(IPage page, bool english)
    {
        if (english)
        {
            await page.GotoAsync("/culture/en?returnUrl=/");
        }

        var (visited, problems) = await PageWalk.RunAsync(page, FitsWidthAsync, p => OneLanguage.ProblemsAsync(p, english));
        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited} pages:\n" + string.Join('\n', problems));
    }

    private static async Task<IEnumerable<string>> FitsWidthAsync(IPage page) =>
        await BrowserApp.SidewaysScrollAsync(page) is { } problem ? [problem] : [];
}
