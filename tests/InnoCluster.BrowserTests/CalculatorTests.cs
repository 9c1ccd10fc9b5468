using System.Security.Claims;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>An enterprise opens its policy calculator, fills the figure a clause was waiting for, and sees it become eligible.</summary>
public sealed class CalculatorTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Calculator_FillMissingRevenue_ClauseMovesToEligible()
    {
        int enterpriseId, clauseId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var enterprise = new Enterprise
            {
                Name = "苏州测试智能科技有限公司",
                Tiers = [new EnterpriseTier { Tier = Tier.HighTech, Year = 2023 }],
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(enterprise);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            enterpriseId = enterprise.Id;

            var official = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "official@example.test"), new Claim(ClaimTypes.Role, Roles.Official)], "test"));
            var saved = await scope.ServiceProvider.GetRequiredService<CreateClause>().RunAsync(new ClauseInput(
                "高新技术企业规模奖励", null, "Award", null, 2_000_000m, null, null, null, null, null,
                [new("tier", "in", "high-tech", null), new("revenue", ">=", "1000万元", null)],
                null, null, null, "市科技局", "Confirmed", null, null), official, TestContext.Current.CancellationToken);
            clauseId = saved.Value!.Id;

        }

        var page = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, await BrowserAccounts.CreateAsync(app, Roles.Enterprise, "企业用户", enterpriseId));

        await page.GotoAsync($"/enterprises/{enterpriseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "政策计算器：可申请哪些支持" }).ClickAsync();
        var possible = page.Locator($"ol[data-group=possible] li[data-clause='{clauseId}']");
        await Assertions.Expect(possible).ToBeVisibleAsync();
        await Assertions.Expect(possible).ToContainTextAsync("营业收入不低于1,000万元");
        await Assertions.Expect(possible).ToContainTextAsync("未填报");
        await Assertions.Expect(page.Locator($"ol[data-group=eligible] li[data-clause='{clauseId}']")).ToHaveCountAsync(0);

        await page.GetByLabel("营业收入（万元）").FillAsync("2500");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并重新计算" }).ClickAsync();

        // The firm's own figure waits for the office; once an official confirms it, the clause moves.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("集群办确认后计入");
        await Assertions.Expect(page.Locator($"ol[data-group=possible] li[data-clause='{clauseId}']")).ToBeVisibleAsync();
        var office = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(office, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));
        await office.GotoAsync("/enterprises/fact-changes");
        await office.GetByRole(AriaRole.Row).Filter(new() { HasText = "苏州测试智能科技有限公司" }).GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认");
        await page.ReloadAsync();

        var eligible = page.Locator($"ol[data-group=eligible] li[data-clause='{clauseId}']");
        await Assertions.Expect(eligible).ToBeVisibleAsync();
        await Assertions.Expect(eligible).ToContainTextAsync("预计最高 200万元");
        await Assertions.Expect(eligible).ToContainTextAsync("2,500万元");
        await Assertions.Expect(page.Locator($"ol[data-group=possible] li[data-clause='{clauseId}']")).ToHaveCountAsync(0);
    }
}
