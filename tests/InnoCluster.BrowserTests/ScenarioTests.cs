using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// An official publishes a demand, reads why a vendor matches, moves the pair to landed and sees the funnel count it;
/// a demand in everyday words finds the vendor that says it in trade words, and the page says which concept linked them.
/// </summary>
public sealed class ScenarioTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Demand_PublishMatchDockToLanded_FunnelCountsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var vendor = new Enterprise { Name = "苏州浏览器视觉检测有限公司", Business = "工业视觉检测设备", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Add(vendor);
            await db.SaveChangesAsync(ct);
            var created = await scope.ServiceProvider.GetRequiredService<CreateSolution>().RunAsync(
                new SolutionInput("锂电极片漏涂视觉检测", "深度学习机器视觉，在线检测锂电池极片的划痕、漏涂和褶皱。", ["机器视觉", "缺陷检测"], ["AI+制造"], ["industrial-vision"], null, "面议", vendor.Id),
                new ScenarioActor("setup", "setup", true, null), ct);
            Assert.True(created.Succeeded, created.Problem?.Message);

        }

        var page = await app.NewPageAsync();
        // CI runs this alongside the PostgreSQL suites on two cores: a step can take seconds there.
        page.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));

        await page.GotoAsync("/scenarios");
        var landedBefore = int.Parse(await page.Locator("[data-testid=funnel] td[data-stage=Landed]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // Write the demand, then publish it with its sector.
        await page.GotoAsync("/demands");
        await page.GetByRole(AriaRole.Link, new() { Name = "发布需求" }).ClickAsync();
        await page.GetByLabel("标题").FillAsync("涂布车间极片漏涂检测");
        await page.GetByLabel("需求描述（问题、现状、目标）").FillAsync("涂布后的锂电池极片需要在线检测划痕和漏涂，目前靠人工目检，漏检多。");
        await page.GetByLabel("所需能力（用逗号或顿号分隔）").FillAsync("机器视觉、缺陷检测");
        await page.GetByLabel("预算（如 50-100万，或“面议”）").FillAsync("50-100万");
        await page.GetByLabel("附件（PDF、Word、Excel、图片，最多 10 个）").SetInputFilesAsync(new FilePayload
        {
            Name = "工艺说明.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("涂布车间极片漏涂检测");
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("待审核");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "工艺说明.pdf" })).ToBeVisibleAsync();

        // The author corrects the title; the attachment stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("标题")).ToHaveValueAsync("涂布车间极片漏涂检测");
        await page.GetByLabel("标题").FillAsync("涂布车间锂电极片漏涂检测");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("涂布车间锂电极片漏涂检测");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "工艺说明.pdf" })).ToBeVisibleAsync();
        await page.Locator("#sector").SelectOptionAsync("AI+制造");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("已发布");

        // The vendor's solution is suggested, with the shared words highlighted in both texts.
        var match = page.Locator("[data-testid=match][data-kind=Solution]").Filter(new() { HasText = "锂电极片漏涂视觉检测" });
        await Assertions.Expect(match).ToBeVisibleAsync();
        await Assertions.Expect(match.GetByTestId("reasons")).ToContainTextAsync("具备所需能力：机器视觉、缺陷检测");
        // Chain nodes by name, never by code.
        await Assertions.Expect(match.GetByTestId("reasons")).ToContainTextAsync("产业链节点：计算机视觉");
        await Assertions.Expect(match.GetByTestId("reasons")).Not.ToContainTextAsync("vision");
        await Assertions.Expect(match.Locator(".two-texts mark", new() { HasText = "漏涂" })).ToHaveCountAsync(2);

        // Dock the pair and move it, stage by stage, to landed.
        await match.GetByRole(AriaRole.Button, new() { Name = "加入对接" }).ClickAsync();
        var pair = page.Locator("[data-testid=pair]").Filter(new() { HasText = "苏州浏览器视觉检测有限公司" });
        foreach (var (next, stage) in new[] { ("已联系", "Contacted"), ("对接中", "Docking"), ("洽谈", "Negotiating"), ("签约", "Signed"), ("落地", "Landed") })
        {
            await pair.GetByRole(AriaRole.Button, new() { Name = "推进到：" + next }).ClickAsync();
            await Assertions.Expect(pair).ToHaveAttributeAsync("data-stage", stage);
        }

        await page.GotoAsync("/scenarios");
        await Assertions.Expect(page.Locator("[data-testid=funnel] td[data-stage=Landed]")).ToHaveTextAsync((landedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#funnel-chart svg")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "落地案例集" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("cases")).ToContainTextAsync("涂布车间锂电极片漏涂检测");

        // 打印 opens the browser's print dialog under the CSP (no inline handler): window.print is watched, not run.
        await page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printed"));
    }

    [Fact]
    public async Task Vendor_PublishesItsSolution_ThenEditsIt()
    {
        int enterpriseId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var vendor = new Enterprise { Name = "苏州浏览器巡检机器人有限公司", Business = "管廊巡检机器人", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Add(vendor);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            enterpriseId = vendor.Id;
        }

        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Enterprise, "巡检机器人企业", enterpriseId));
        await page.GotoAsync("/solutions");
        await page.GetByLabel("方案名称").FillAsync("综合管廊智能巡检");
        await page.GetByLabel("方案说明").FillAsync("轨道式巡检机器人，红外测温与气体检测。");
        await page.GetByLabel("能力（逗号或顿号分隔）").FillAsync("巡检机器人、红外测温");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        var item = page.GetByTestId("solutions").Locator("li", new() { HasText = "综合管廊智能巡检" });
        await Assertions.Expect(item).ToBeVisibleAsync();

        await item.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("方案说明")).ToHaveValueAsync("轨道式巡检机器人，红外测温与气体检测。");
        await page.GetByLabel("方案说明").FillAsync("轨道式巡检机器人，红外测温、气体检测与积水识别。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("solutions").Locator("li", new() { HasText = "综合管廊智能巡检" })).ToContainTextAsync("积水识别");
    }

    [Fact]
    public async Task DemandInEverydayWords_FindsTheVendorThatSaysItInTradeWords_AndNamesTheConcept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var vendor = new Enterprise { Name = "苏州浏览器医声科技有限公司", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Add(vendor);
            await db.SaveChangesAsync(ct);
            var created = await scope.ServiceProvider.GetRequiredService<CreateSolution>().RunAsync(
                new SolutionInput("门诊语音电子病历", "针对医学术语优化的语音识别引擎，查房与门诊场景实时转写为结构化电子病历。", ["语音识别"], ["AI+医疗"], ["speech"], null, null, vendor.Id),
                new ScenarioActor("setup", "setup", true, null), ct);
            Assert.True(created.Succeeded, created.Problem?.Message);
        }

        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办概念", totp: true));
        await page.GotoAsync("/demands");
        await page.GetByRole(AriaRole.Link, new() { Name = "发布需求" }).ClickAsync();
        await page.GetByLabel("标题").FillAsync("医生说完病历就写好");
        await page.GetByLabel("需求描述（问题、现状、目标）").FillAsync("门诊医生写病历占用太多时间，希望医生看诊时口述，病历自动写好，医生只需确认。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.Locator("#sector").SelectOptionAsync("AI+医疗");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("已发布");

        // The two texts share no word about the task: the concept 语音识别 links 口述 to the vendor's 语音识别.
        var match = page.Locator("[data-testid=match][data-kind=Solution]").Filter(new() { HasText = "门诊语音电子病历" });
        await Assertions.Expect(match.GetByTestId("concept-link").Filter(new() { HasText = "语音识别（" })).ToHaveTextAsync("概念关联：语音识别（需求说口述，供给说语音识别）");
        await Assertions.Expect(match.Locator(".two-texts mark", new() { HasText = "口述" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        match = page.Locator("[data-testid=match][data-kind=Solution]").Filter(new() { HasText = "门诊语音电子病历" });
        var link = match.GetByTestId("concept-link").Filter(new() { HasText = "Speech recognition" });
        await Assertions.Expect(link).ToHaveTextAsync("Linked by concept: Speech recognition (the demand says 口述, the offer says 语音识别)");
        await Assertions.Expect(link.Locator("mark[lang=zh]")).ToHaveCountAsync(2);
    }
}
