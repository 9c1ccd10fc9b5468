using InnoCluster.Features.Calls;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// A call through the pages: the office writes and publishes it; a firm applies with its licence, is returned
/// once for correction and resubmits; the office passes it; its 板块 recommends it; after the close the office
/// assigns experts (one, from the partner university, recused automatically), two score it, the office selects
/// it, publishes the 公示 and, after it, the result, which the firm reads on its application.
/// The call's dates are moved into the past in the database where the story needs time to pass.
/// </summary>
public sealed class CallTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<T> WithDbAsync<T>(Func<InnoCluster.Infrastructure.Data.InnoClusterDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>());
    }

    private static string Local(TimeSpan fromNow) => InnoCluster.Infrastructure.BeijingTime.Of(TimeProvider.System.GetUtcNow().Add(fromNow)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACall_IsAppliedToReviewedAndDecided_ThroughThePages()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var firmName = "申报浏览器测试科技有限公司" + Guid.NewGuid().ToString("N")[..4];
        var firmId = await WithDbAsync(async db =>
        {
            var sip = await db.Set<InnoCluster.Features.Registry.District>().SingleAsync(d => d.Code == "sip");
            var e = new InnoCluster.Features.Registry.Enterprise { Name = firmName, DistrictId = sip.Id, CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var office = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(office, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));
        var firm = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(firm, await BrowserAccounts.CreateAsync(app, Roles.Enterprise, "企业经办人", enterpriseId: firmId));
        var district = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(district, await BrowserAccounts.CreateAsync(app, Roles.Department, "园区经办", department: "苏州工业园区管委会"));

        // The office writes the call and publishes it.
        await office.GotoAsync("/calls/new");
        await office.GetByLabel("标题").FillAsync("浏览器测试示范项目遴选");
        await office.GetByLabel("申报条件（每行一条：字段 运算 值）").FillAsync("district in sip");
        await office.GetByLabel("申报表字段（每行一个，必填加 *）").FillAsync("项目简介*");
        await office.GetByLabel("附件（每行一个，必交加 *）").FillAsync("营业执照*");
        await office.GetByLabel("评分标准（每行：名称 权重 满分，权重合计100）").FillAsync("创新性 40 10\n应用成效 60 10");
        await office.GetByLabel("开始申报").FillAsync(Local(TimeSpan.FromHours(-1)));
        await office.GetByLabel("截止申报").FillAsync(Local(TimeSpan.FromDays(7)));
        await office.GetByLabel("每件申报的评审专家数").FillAsync("2");
        await office.GetByLabel("须经板块在名额内推荐").CheckAsync();
        await office.GetByLabel("苏州工业园区", new() { Exact = true }).FillAsync("2");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("浏览器测试示范项目遴选");
        var callId = int.Parse(office.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var callUrl = $"/calls/{callId}";
        await office.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(office.Locator(".lead")).ToContainTextAsync("申报中");

        // The firm applies: title, partner, the form's field and its licence.
        await firm.GotoAsync(callUrl);
        await Assertions.Expect(firm.Locator(".countdown")).ToContainTextAsync("还剩 6 天");
        await firm.GetByLabel("申报项目名称").FillAsync("工厂智能质检");
        await firm.GetByRole(AriaRole.Button, new() { Name = "我要申报" }).ClickAsync();
        await firm.GetByLabel("联合申报单位（每行一个）").FillAsync("苏州大学");
        await firm.GetByLabel("项目简介").FillAsync("机器视觉质检，已在三家工厂运行。");
        await firm.GetByLabel("营业执照").SetInputFilesAsync(new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() });
        await firm.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(firm.GetByRole(AriaRole.Link, new() { Name = "营业执照.pdf" })).ToBeVisibleAsync();
        await firm.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Assertions.Expect(firm.Locator(".lead")).ToContainTextAsync("已提交");
        var applicationUrl = firm.Url.Split('?')[0];

        // The office returns it once; the firm resubmits; the office passes it; its 板块 recommends it.
        await office.GotoAsync(applicationUrl);
        await office.GetByLabel("意见（退回时必填）").FillAsync("营业执照须加盖公章");
        await office.GetByRole(AriaRole.Button, new() { Name = "退回补正" }).ClickAsync();
        await Assertions.Expect(office.Locator(".lead")).ToContainTextAsync("退回补正");
        await firm.GotoAsync(applicationUrl);
        await Assertions.Expect(firm.GetByRole(AriaRole.Note)).ToContainTextAsync("营业执照须加盖公章");
        await firm.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Assertions.Expect(firm.Locator(".lead")).ToContainTextAsync("已提交");
        await office.GotoAsync(applicationUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(office.Locator(".lead")).ToContainTextAsync("形式审查通过");
        await district.GotoAsync(applicationUrl);
        await district.GetByLabel("推荐意见").FillAsync("园区重点企业");
        await district.GetByRole(AriaRole.Button, new() { Name = "推荐", Exact = true }).ClickAsync();
        await Assertions.Expect(district.Locator(".lead")).ToContainTextAsync("板块已推荐");

        // Three experts join the pool; the one from the partner university will be recused.
        var experts = new List<IPage>();
        foreach (var (name, affiliation) in new[] { ("甲专家", "南京大学"), ("乙专家", "东南大学"), ("丙专家", "苏州大学") })
        {
            var account = await BrowserAccounts.CreateAsync(app, Roles.Expert, name, totp: true);
            await office.GotoAsync("/calls/experts");
            await office.GetByLabel("账号邮箱").FillAsync(account.Email);
            await office.GetByLabel("姓名").FillAsync(name);
            await office.GetByLabel("工作单位").FillAsync(affiliation);
            await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
            var page = await app.NewPageAsync();
            await BrowserAccounts.SignInAsync(page, account);
            experts.Add(page);
        }

        // The call closes; the office assigns the experts.
        await WithDbAsync(async db =>
        {
            var call = await db.Set<Call>().SingleAsync(c => c.Id == callId);
            (call.OpensAt, call.ClosesAt) = (call.OpensAt!.Value.AddDays(-10), TimeProvider.System.GetUtcNow().AddMinutes(-1));
            return await db.SaveChangesAsync();
        });
        await office.GotoAsync(callUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "分配评审专家" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已分配 2 人次，回避 1 人次");

        // Two experts score it blind; the third sees only that they stepped aside.
        foreach (var (expert, scores) in new[] { (experts[0], ("9", "7")), (experts[1], ("6", "6")) })
        {
            await expert.GotoAsync("/calls/reviews");
            await expert.GetByRole(AriaRole.Link, new() { Name = "工厂智能质检" }).ClickAsync();
            await expert.GetByLabel("创新性").FillAsync(scores.Item1);
            await expert.GetByLabel("应用成效").FillAsync(scores.Item2);
            await expert.GetByRole(AriaRole.Button, new() { Name = "保存评分" }).ClickAsync();
            await Assertions.Expect(expert.GetByRole(AriaRole.Status)).ToContainTextAsync("评分已保存");
        }

        await experts[2].GotoAsync("/calls/reviews");
        await Assertions.Expect(experts[2].Locator("table.data")).ToContainTextAsync("已回避");
        await Assertions.Expect(experts[2].GetByRole(AriaRole.Link, new() { Name = "工厂智能质检" })).ToHaveCountAsync(0);

        // The office reads the ranking, selects it, publishes the 公示 and, once it has run, the result.
        await office.GotoAsync($"/calls/{callId}/ranking");
        await Assertions.Expect(office.Locator("table.data tbody tr").First).ToContainTextAsync("69"); // (78 + 60) / 2
        await office.GotoAsync(applicationUrl);
        await office.GetByLabel("理由").FillAsync("综合得分第一");
        await office.GetByRole(AriaRole.Button, new() { Name = "入选", Exact = true }).ClickAsync();
        await Assertions.Expect(office.Locator(".lead")).ToContainTextAsync("入选");
        await office.GotoAsync(callUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "公示名单" })).ToBeVisibleAsync();
        await Assertions.Expect(office.Locator("ol").First).ToContainTextAsync(firmName);
        await WithDbAsync(async db =>
        {
            var call = await db.Set<Call>().SingleAsync(c => c.Id == callId);
            (call.PublicityFrom, call.PublicityUntil) = (call.PublicityFrom!.Value.AddDays(-8), TimeProvider.System.GetUtcNow().AddMinutes(-1));
            return await db.SaveChangesAsync();
        });
        await office.GotoAsync(callUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "公布结果" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "结果", Exact = true })).ToBeVisibleAsync();

        await firm.GotoAsync("/calls");
        await Assertions.Expect(firm.Locator("table.data").First).ToContainTextAsync("入选");

        // A 示范项目 result is a landed demonstration: the firm's page lists it with the call, the case collection holds it.
        await firm.GotoAsync($"/enterprises/{firmId}");
        var trackRecord = firm.GetByTestId("track-record");
        await Assertions.Expect(trackRecord).ToContainTextAsync("场景落地 · 示范项目");
        await Assertions.Expect(trackRecord.Locator($"a[href='/calls/{callId}']")).ToHaveTextAsync("工厂智能质检");
        await Assertions.Expect(trackRecord).ToContainTextAsync("浏览器测试示范项目遴选");
        await firm.GotoAsync("/scenarios/cases");
        await Assertions.Expect(firm.GetByTestId("cases")).ToContainTextAsync(firmName);

        // The plan's target 14 (50个示范项目): the platform proposes counting the calls' results; the official adopts it as proposed, and it counts the result.
        var target = await WithDbAsync(db => db.Set<InnoCluster.Features.Plans.PlanTarget>()
            .Where(t => t.Name.Contains("示范项目") && t.Period == InnoCluster.Features.Plans.TargetPeriod.Cumulative).Select(t => t.Id).FirstAsync());
        await office.GotoAsync($"/plans/targets/{target}");
        await Assertions.Expect(office.GetByTestId("suggested-indicator")).ToContainTextAsync("征集结果：人工智能应用场景示范项目");
        var form = office.GetByTestId("indicator-form");
        await Assertions.Expect(form.GetByLabel("平台计数：征集结果（入选；对上申报为上级批准）")).ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("suggested-indicator")).ToHaveCountAsync(0);
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("指标已保存");
        await Assertions.Expect(office.Locator("dl.facts")).ToContainTextAsync("征集结果：人工智能应用场景示范项目");
        await Assertions.Expect(office.Locator("dl.facts dd").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1\\s*个"));

        // The call's report, printed to PDF by the server's Chromium, names the result.
        await using var printed = await office.APIRequest.GetAsync($"/calls/{callId}/report.pdf", new() { Timeout = 120_000 });
        Assert.True(printed.Ok, $"{printed.Status}: {await printed.TextAsync()}");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await printed.BodyAsync());
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormKC);
        Assert.Contains(firmName, text, StringComparison.Ordinal);
    }
}
