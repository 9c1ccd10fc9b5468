using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// An official imports a list of certified products: one bad row refuses the whole file, the fixed file is
/// imported, the plan target that counts certifications changes, and its figure leads to the rows and the file.
/// </summary>
public sealed class RecordImportTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AProductList_WithABadRow_IsFixedAndImported_AndTheTargetCountsIt()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var firmName = "记录导入浏览器测试科技有限公司" + Guid.NewGuid().ToString("N")[..4];
        var (target, firmId) = await WithDbAsync(async db =>
        {
            var firm = new InnoCluster.Features.Registry.Enterprise { Name = firmName, CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
            db.Add(firm);
            await db.SaveChangesAsync();
            var targetId = await db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("首版次软件")).Select(t => t.Id).FirstAsync();
            return (targetId, firm.Id);
        });
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));

        // The target is measured by the registry's provincial first-edition software, picked on the form.
        await page.GotoAsync($"/plans/targets/{target}");
        var form = page.GetByTestId("indicator-form");
        await form.GetByLabel("平台计数：登记库中的载体、认定、标准、备案、融资记录（有效且已确认）").CheckAsync();
        await form.GetByLabel("计数的记录（选“登记库中的……”时）").SelectOptionAsync(new SelectOptionValue { Label = "首版次软件产品" });
        await form.GetByLabel("级别不低于（企业梯队、产品认定和载体）").SelectOptionAsync(new SelectOptionValue { Label = "省级" });
        await form.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("指标已保存");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("省级及以上首版次软件产品");
        var before = await CountAsync(target);

        // A list with a date that is not a date: nothing is imported, and the row and column are named.
        var year = InnoCluster.Infrastructure.BeijingTime.Today(TimeProvider.System).Year;
        const string Header = "企业名称,认定类别,产品名称,级别,年份,日期,来源\n";
        await page.GotoAsync("/records/import");
        await page.GetByLabel("记录种类").SelectOptionAsync(new SelectOptionValue { Label = "产品认定" });
        await page.GetByLabel("文件").SetInputFilesAsync(Csv(Header + $"{firmName},首版次软件产品,语音交互平台V1,省级,,{year}-02-30,江苏省首版次软件产品名单\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "正式导入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未导入：请修正以下问题" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.issues")).ToContainTextAsync("日期");
        Assert.Equal(before, await CountAsync(target));

        // Fixed, dry-run, then imported.
        var fixedList = Csv(Header + $"{firmName},首版次软件产品,语音交互平台V1,省级,,{year}-02-28,江苏省首版次软件产品名单\n");
        await page.GetByLabel("记录种类").SelectOptionAsync(new SelectOptionValue { Label = "产品认定" });
        await page.GetByLabel("文件").SetInputFilesAsync(fixedList);
        await page.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "试运行结果" })).ToBeVisibleAsync();
        await page.GetByLabel("记录种类").SelectOptionAsync(new SelectOptionValue { Label = "产品认定" });
        await page.GetByLabel("文件").SetInputFilesAsync(fixedList);
        await page.GetByRole(AriaRole.Button, new() { Name = "正式导入" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync();
        Assert.Equal(before + 1, await CountAsync(target));

        // The figure leads to its rows; the row to the firm's records, with the file and row as its source.
        await page.GotoAsync($"/plans/targets/{target}");
        await page.Locator("a.figure-source").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/records\?spec="));
        var rows = page.GetByTestId("counted-records");
        await Assertions.Expect(rows).ToContainTextAsync("语音交互平台V1");
        await rows.GetByRole(AriaRole.Link, new() { Name = firmName }).ClickAsync();
        await page.WaitForURLAsync($"**/enterprises/{firmId}/records#certifications");
        var record = page.Locator("#certifications tbody tr").First;
        await record.Locator("details.source summary").ClickAsync();
        await Assertions.Expect(record).ToContainTextAsync("products.csv");
        await Assertions.Expect(record).ToContainTextAsync("row 2");
    }

    private static FilePayload Csv(string text) => new() { Name = "products.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

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
