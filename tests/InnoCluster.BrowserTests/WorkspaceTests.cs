using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// 政策找企业, as people do it: a person signs up, claims a firm with its licence, the office approves; the person
/// fills in the revenue the workspace says is missing; an official confirms a clause the firm now fits; the firm
/// is told in its workspace, and the next digest lists the clause with the link to it.
/// </summary>
public sealed class WorkspaceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task APersonSignsUp_ClaimsAFirm_FillsTheMissingRevenue_AndTheDigestBringsAClauseItNowFits()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var firmName = "工作台浏览器测试科技有限公司" + tag[..4];
        var code = InnoCluster.Tests.Registry.CreditCodes.Valid(80_000_000 + Random.Shared.Next(0, 9_000_000));
        var clauseTitle = $"高企营收奖励{tag}";
        var (firmId, clauseId) = await WithDbAsync(async db =>
        {
            var firm = new Enterprise { Name = firmName, CreditCode = code, Tiers = [new EnterpriseTier { Tier = Tier.HighTech, Year = 2024 }], CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
            db.Add(firm);
            var clause = new PolicyClause { CreatedAt = TimeProvider.System.GetUtcNow() };
            clause.Revise(new ClauseTerms(clauseTitle, "高新技术企业", [new SupportTerms(SupportMethod.Award, Cap: 300_000m)],
                [ConditionRules.Check(new Condition("tier", "in", "high-tech")), ConditionRules.Check(new Condition("revenue", ">=", "1000万元"))], null, null, "登录平台在线申报", "市科技局", ClauseStatus.Proposed), "浏览器测试", TimeProvider.System.GetUtcNow());
            db.Add(clause);
            var known = new PolicyClause { CreatedAt = TimeProvider.System.GetUtcNow() };
            known.Revise(new ClauseTerms($"规上企业奖励{tag}", "规模以上企业", [new SupportTerms(SupportMethod.Award, Cap: 100_000m)],
                [ConditionRules.Check(new Condition("revenue", ">=", "2000万元"))], null, null, null, "市工信局", ClauseStatus.Confirmed), "浏览器测试", TimeProvider.System.GetUtcNow());
            db.Add(known);
            await db.SaveChangesAsync();
            return (firm.Id, clause.Id);
        });

        // Sign up, and set the password from the link the registration mail carries.
        var email = $"person-{tag}@example.test";
        var person = await app.NewPageAsync();
        person.SetDefaultTimeout(60_000);
        await person.GotoAsync("/account/register");
        await person.GetByLabel("邮箱").FillAsync(email);
        await person.GetByLabel("姓名").FillAsync("王经理");
        await person.GetByLabel("单位名称").FillAsync(firmName);
        await person.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        var link = await WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == email).Select(m => m.Body).SingleAsync());
        await person.GotoAsync(new Uri(link[link.IndexOf("http", StringComparison.Ordinal)..].Trim()).PathAndQuery);
        await person.GetByLabel("新密码", new() { Exact = true }).FillAsync(BrowserAccounts.Password);
        await person.GetByLabel("确认新密码").FillAsync(BrowserAccounts.Password);
        await person.GetByRole(AriaRole.Button, new() { Name = "设置密码" }).ClickAsync();
        await BrowserAccounts.SignInAsync(person, new BrowserAccounts.Account(email, null));

        // Claim the firm with its licence.
        await person.GotoAsync("/me");
        var claim = person.GetByTestId("claim-form");
        await claim.GetByLabel("统一社会信用代码").FillAsync(code);
        await claim.GetByLabel("证明材料（PDF 或图片）").SetInputFilesAsync(new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() });
        await claim.GetByRole(AriaRole.Button, new() { Name = "提交认领" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");
        await Assertions.Expect(person.GetByTestId("my-claims")).ToContainTextAsync("待审核");

        // The office approves it.
        var official = await app.NewPageAsync();
        official.SetDefaultTimeout(60_000);
        await BrowserAccounts.SignInAsync(official, await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true));
        await official.GotoAsync("/claims?status=Pending");
        var row = official.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("已通过");

        // A confirmed clause turns on revenue, which the firm has not given: the workspace names it; the person fills it in.
        await person.GotoAsync("/me");
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "我的企业：" + firmName })).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByTestId("missing-facts")).ToContainTextAsync("营业收入");
        await person.GetByTestId("missing-facts").GetByRole(AriaRole.Link, new() { Name = "去补充" }).ClickAsync();
        await person.GetByLabel("年度").FillAsync((InnoCluster.Infrastructure.BeijingTime.Today(TimeProvider.System).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await person.GetByLabel("营业收入（万元）").FillAsync("5000");
        await person.GetByRole(AriaRole.Button, new() { Name = "保存并重新计算" }).ClickAsync();
        await Assertions.Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("集群办确认后计入");
        await Assertions.Expect(person.GetByTestId("fact-changes")).ToContainTextAsync("待集群办确认");

        // The office confirms the figure; only then does it count.
        await official.GotoAsync("/enterprises/fact-changes");
        var changeRow = official.GetByRole(AriaRole.Row).Filter(new() { HasText = firmName });
        await Assertions.Expect(changeRow).ToContainTextAsync("营业收入");
        await changeRow.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认");

        // An official confirms the clause; the firm now fits it and is told.
        await official.GotoAsync($"/clauses/{clauseId}");
        await official.GetByLabel("状态").SelectOptionAsync(nameof(ClauseStatus.Confirmed));
        await official.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await official.WaitForLoadStateAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await person.GotoAsync("/me/notifications"); // the matching runs as a job after the save: look again as a person would
        }
        while (!(await person.Locator("main").InnerTextAsync()).Contains(clauseTitle, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(60));
        await person.GetByTestId("notices").GetByRole(AriaRole.Link, new() { Name = clauseTitle }).ClickAsync();
        await person.WaitForURLAsync($"**/clauses/{clauseId}");

        // The next digest (sent on demand here) lists it with the link to apply.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDigests>().RunAsync(onDemand: true, CancellationToken.None);
        }

        var digest = await WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == email && m.Subject.Contains("new notices")).Select(m => m.Body).SingleAsync());
        Assert.Contains(clauseTitle, digest, StringComparison.Ordinal);
        Assert.Contains($"/clauses/{clauseId}", digest, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe?token=", digest, StringComparison.Ordinal);
        Assert.Equal(firmId, await WithDbAsync(db => db.Set<InnoCluster.Features.Identity.AppUser>().Where(u => u.Email == email).Select(u => u.EnterpriseId).SingleAsync()));
    }

    private async Task<T> WithDbAsync<T>(Func<InnoCluster.Infrastructure.Data.InnoClusterDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>());
    }
}
