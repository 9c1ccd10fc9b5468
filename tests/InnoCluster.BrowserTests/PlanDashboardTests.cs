using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace InnoCluster.BrowserTests;

/// <summary>An official opens the plan dashboard, follows a figure to its source sentence, and downloads the annual report as PDF.</summary>
public sealed class PlanDashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Browser-Test-2026!";

    [Fact]
    public async Task Dashboard_TargetFigureLeadsToItsSentence_AndTheAnnualReportPrints()
    {
        var ct = TestContext.Current.CancellationToken;
        string email, secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            email = $"official-{Guid.NewGuid():N}@example.test";
            var (created, errors) = await accounts.CreateAsync(new Accounts.NewAccount(email, "集群办", [Roles.Official]), ct);
            Assert.True(created is not null, string.Join("; ", errors));
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(created!.SetPasswordLink).Query);
            Assert.Empty(await accounts.SetPasswordAsync(query["uid"]!, query["token"]!, Password, ct));
            var totp = scope.ServiceProvider.GetRequiredService<Totp>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(created.User.Id))!;
            secret = totp.NewSecret();
            user.TotpSecretProtected = totp.Protect(secret);
            await users.UpdateAsync(user);
        }

        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);

        // The public dashboard: the target, its status, and its chart drawn.
        await page.GotoAsync("/plans");
        await Assertions.Expect(page.Locator("[data-chart] svg").First).ToBeVisibleAsync();
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "人工智能领域上市企业及独角兽企业" }) });
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        await row.GetByRole(AriaRole.Link, new() { Name = "人工智能领域上市企业及独角兽企业" }).ClickAsync();

        // The target page: 39 firms, the trend, and the figure's source.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("人工智能领域上市企业及独角兽企业");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("39家");
        await Assertions.Expect(page.Locator("[data-chart] svg")).ToBeVisibleAsync();
        await page.Locator("a.figure-source").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+\?s=\d+&e=\d+#s-\d+$"));
        var cited = page.Locator(".sentence.cited");
        await Assertions.Expect(cited).ToHaveCountAsync(1);
        await Assertions.Expect(cited).ToContainTextAsync("上市企業32家");
        await Assertions.Expect(cited).ToBeInViewportAsync();

        // The annual report: an official prints it to PDF with the server's headless Chromium.
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor**");
        await page.GetByLabel("验证码").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "年度报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "一、目标完成情况" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF" }).ClickAsync(), new() { Timeout = 120_000 });
        var path = Path.Combine(Path.GetTempPath(), $"annual-report-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            using var pdf = PdfDocument.Open(path);
            // NFKC: the CJK fonts map some characters to Kangxi radicals (⼀ for 一), which PdfPig reports as drawn.
            var pages = pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormKC)).ToList();
            // Cover, one section per page break (targets, tasks, chain map, scenarios), then the notes.
            Assert.True(pages.Count >= 6, $"{pages.Count} pages");
            var expected = new[] { "一、目标完成情况", "二、重点任务推进", "三、产业链图谱", "四、场景应用与案例", "注释与出处" };
            var starts = expected.Select(heading => pages.FindIndex(1, p => p.TrimStart().StartsWith(heading, StringComparison.Ordinal))).ToList();
            Assert.True(starts.All(s => s > 0), "section pages: " + string.Join(", ", expected.Zip(starts, (h, s) => $"{h}@{s}")) + "; pages begin: " + string.Join(" | ", pages.Select(p => p[..Math.Min(20, p.Length)])));
            Assert.Equal(starts.Order(), starts);
            Assert.Contains("苏州市人工智能产业创新集群行动计划", pages[0], StringComparison.Ordinal);
            Assert.Contains(pages.Skip(starts[^1]), p => p.Contains("上市企業32家", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Department_FilesAProgressReportOnItsTask_AndTheUnitViewShowsItReported()
    {
        var ct = TestContext.Current.CancellationToken;
        string email;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            email = $"department-{Guid.NewGuid():N}@example.test";
            var (created, errors) = await accounts.CreateAsync(new Accounts.NewAccount(email, "市科技局联络员", [Roles.Department], Department: "市科技局"), ct);
            Assert.True(created is not null, string.Join("; ", errors));
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(created!.SetPasswordLink).Query);
            Assert.Empty(await accounts.SetPasswordAsync(query["uid"]!, query["token"]!, Password, ct));
        }

        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(45_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));

        // The unit view opens on the department's own unit, its tasks overdue until reported.
        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "责任单位与任务" }).ClickAsync();
        var mine = page.Locator("section.unit").First;
        await Assertions.Expect(mine.GetByRole(AriaRole.Heading)).ToContainTextAsync("市科技局");
        var taskRow = mine.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "专栏2-3 创新任务揭榜挂帅" }) });
        await Assertions.Expect(taskRow).ToContainTextAsync("逾期");
        await taskRow.GetByRole(AriaRole.Link).ClickAsync();

        // A figure in the wrong unit is refused with the reason and nothing is filed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("创新任务揭榜挂帅");
        await page.GetByLabel("进展情况").FillAsync("组织企业申报工信部人工智能创新任务揭榜挂帅，新增入围项目4个。");
        await page.GetByLabel("目标", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "推动项目入围国家人工智能产业创新重点任务揭榜挂帅（20个）" });
        await page.GetByLabel("数值（含单位，如 2300亿元、12家）").FillAsync("12家");
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("单位“家”与目标单位“个”不一致");
        await Assertions.Expect(page.Locator("article.report")).ToHaveCountAsync(0);

        await page.GetByLabel("数值（含单位，如 2300亿元、12家）").FillAsync("12个");
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("第1版");
        var report = page.Locator("article.report").First;
        await Assertions.Expect(report).ToContainTextAsync("市科技局");
        await Assertions.Expect(report).ToContainTextAsync("12个");

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "责任单位与任务" }).ClickAsync();
        var reported = page.Locator("section.unit").First.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "专栏2-3 创新任务揭榜挂帅" }) });
        await Assertions.Expect(reported).ToContainTextAsync("已报送");
        await Assertions.Expect(reported).Not.ToContainTextAsync("逾期");
    }
}
