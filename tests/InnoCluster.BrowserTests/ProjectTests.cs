using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// An official follows an attracted project: adds it, records its signing, is told when a stage is out of
/// order, sees the pipeline's totals, and a plan target set to count signed projects of 10亿元 or more counts it.
/// </summary>
public sealed class ProjectTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnOfficial_AddsAProject_RecordsItsSigning_AndTheTargetCountsIt()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var target = await WithDbAsync(db => db.Set<InnoCluster.Features.Plans.PlanTarget>()
            .Where(t => (t.Unit == "家" || t.Unit == "个") && t.Period != InnoCluster.Features.Plans.TargetPeriod.Annual).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));

        await page.GotoAsync($"/plans/targets/{target}");
        var indicator = page.GetByTestId("indicator-form");
        await indicator.GetByLabel("平台计数：登记库中的载体、认定、标准、备案、融资记录（有效且已确认）、企业年度数据及招商项目").CheckAsync();
        await indicator.GetByLabel("计数的记录").SelectOptionAsync(new SelectOptionValue { Label = "已签约的计划投资10亿元及以上招商项目" });
        await indicator.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("指标已保存");
        var before = await CountAsync(target);

        // The office's navigation leads to the pipeline; a new project is added there.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = "招商项目" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建项目" }).ClickAsync();
        var form = page.GetByTestId("project-form");
        await form.GetByLabel("项目名称").FillAsync("智能网联汽车研发总部项目");
        await form.GetByLabel("投资方", new() { Exact = true }).FillAsync("某智能网联汽车公司");
        await form.GetByLabel("计划投资额（亿元）").FillAsync("15");
        await form.GetByLabel("产业链环节").SelectOptionAsync(new SelectOptionValue { Label = "算力" });
        await form.GetByLabel("落地板块").SelectOptionAsync(new SelectOptionValue { Label = "苏州工业园区" });
        await form.GetByLabel("责任单位").FillAsync("园区投资促进局");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("智能网联汽车研发总部项目");

        // Signed on a day; a first contact dated after the signing is refused with the reason beside the form.
        var year = InnoCluster.Infrastructure.BeijingTime.Today(TimeProvider.System).Year;
        var stage = page.GetByTestId("stage-form");
        await stage.GetByLabel("阶段").SelectOptionAsync(new SelectOptionValue { Label = "签约" });
        await stage.GetByLabel("日期").FillAsync($"{year - 1}-09-01");
        await stage.GetByLabel("来源（协议、会议纪要、报道）").FillAsync("投资协议");
        await stage.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("阶段已记录");
        await Assertions.Expect(page.GetByTestId("project-stages")).ToContainTextAsync($"签约 {year - 1}-09-01");
        stage = page.GetByTestId("stage-form");
        await stage.GetByLabel("阶段").SelectOptionAsync(new SelectOptionValue { Label = "接洽" });
        await stage.GetByLabel("日期").FillAsync($"{year - 1}-10-01");
        await stage.GetByLabel("来源（协议、会议纪要、报道）").FillAsync("会议纪要");
        await stage.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("阶段的时间顺序不对");

        // The pipeline counts it among the signed, with its investment; the target counts it too.
        await page.GotoAsync("/projects");
        await Assertions.Expect(page.GetByTestId("pipeline-totals")).ToContainTextAsync("签约");
        await Assertions.Expect(page.GetByTestId("projects")).ToContainTextAsync("园区投资促进局");
        Assert.Equal(before + 1, await CountAsync(target));
        await page.GotoAsync($"/plans/targets/{target}");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("计划投资10亿元及以上的招商项目数");
    }

    private async Task<int> CountAsync(int target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var get = scope.ServiceProvider.GetRequiredService<InnoCluster.Features.Plans.GetTarget>();
        var view = await get.RunAsync(target, CancellationToken.None);
        return (int)(view?.Target.LatestValue ?? 0m);
    }

    private async Task<T> WithDbAsync<T>(Func<InnoCluster.Infrastructure.Data.InnoClusterDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>());
    }
}
