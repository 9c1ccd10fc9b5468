using System.Text;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>What a person does at the door, and what an attacker leaves in text fields.</summary>
public sealed class SecurityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<(string Email, string Secret)> AccountAsync(string role, string displayName = "浏览器测试", string? department = null)
    {
        var account = await BrowserAccounts.CreateAsync(app, role, displayName, role == Roles.Enterprise ? 1 : null, department, totp: true);
        return (account.Email, account.Secret!);
    }

    /// <summary>Signs in through the pages like a person: e-mail, password, then the authenticator's code.</summary>
    private async Task<IPage> SignInAsync(string email, string secret)
    {
        var page = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, new BrowserAccounts.Account(email, secret));
        return page;
    }

    [Fact]
    public async Task SignIn_WithPasswordAndTotp_OpensTheAdministratorsPages()
    {
        var (email, secret) = await AccountAsync(Roles.SecurityAdmin, "安全管理员");
        var page = await SignInAsync(email, secret);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToContainTextAsync("账号管理");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("账号与角色");
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name.Contains("innocluster", StringComparison.Ordinal) && !c.Name.Contains("csrf", StringComparison.Ordinal));
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        // Roles are chosen by their names, never typed as codes: an expert reviewer becomes an official too.
        var expert = await BrowserAccounts.CreateAsync(app, Roles.Expert, "评审专家甲");
        await page.ReloadAsync();
        var roles = page.GetByRole(AriaRole.Group, new() { Name = $"{expert.Email} 的角色" });
        await Assertions.Expect(roles.GetByLabel("评审专家")).ToBeCheckedAsync();
        await roles.GetByLabel("集群办工作人员").CheckAsync();
        await page.Locator("tr", new() { Has = roles }).GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var saved = page.GetByRole(AriaRole.Group, new() { Name = $"{expert.Email} 的角色" });
        await Assertions.Expect(saved.GetByLabel("集群办工作人员")).ToBeCheckedAsync();
        await Assertions.Expect(saved.GetByLabel("评审专家")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Official");
    }

    [Fact]
    public async Task SecondFactor_WithOnlyThePassword_CannotBeReplaced_AndTheVictimStillSignsIn()
    {
        var victim = await BrowserAccounts.CreateAsync(app, Roles.Official, "被攻击的官员", totp: true);

        // An attacker who learnt the password gets as far as the code page, and no further.
        var attacker = await app.NewPageAsync();
        await attacker.GotoAsync("/account/sign-in");
        await attacker.GetByLabel("邮箱").FillAsync(victim.Email);
        await attacker.GetByLabel("密码").FillAsync(BrowserAccounts.Password);
        await attacker.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await attacker.WaitForURLAsync("**/account/two-factor**");

        // Going to the enrolment page by hand shows no new secret: it sends the attacker back.
        await attacker.GotoAsync("/account/enrol");
        await attacker.WaitForURLAsync("**/account/two-factor**");
        await Assertions.Expect(attacker.Locator("#totp-key")).ToHaveCountAsync(0);
        await Assertions.Expect(attacker.Locator("img.qr")).ToHaveCountAsync(0);

        // An official's page stays closed to the attacker.
        await attacker.GotoAsync("/plans/1/units");
        await attacker.WaitForURLAsync("**/account/sign-in**");

        // The victim's own authenticator still works.
        var own = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(own, victim);
        await own.GotoAsync("/plans/1/units");
        await Assertions.Expect(own.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain("/account/", own.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xss_StoredInEveryTextField_RunsNoScriptOnAnyPage()
    {
        var payloads = (await File.ReadAllLinesAsync(TestPaths.Fixture("xss-payloads.txt"), TestContext.Current.CancellationToken)).Where(p => p.Length > 0).ToList();
        Assert.True(payloads.Count >= 100);

        // Enterprises: every text column of an import, one enterprise per payload.
        var csv = new StringBuilder("企业名称,所属板块,主营业务,主要产品,曾用名,城市\n");
        string Q(string v) => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        for (var i = 0; i < payloads.Count; i++)
        {
            csv.Append(string.Join(',', Q($"XSS{i:000} {payloads[i]}"), "吴中区", Q(payloads[i]), Q(payloads[i].Replace("；", ";", StringComparison.Ordinal)), Q("旧" + payloads[i]), Q(payloads[i].Length > 50 ? payloads[i][..50] : payloads[i]))).Append('\n');
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<EnterpriseImport>()
                .RunAsync("xss.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), null, dryRun: false, CancellationToken.None);
            Assert.True(report.Applied, report.FileError ?? string.Join("; ", report.Errors.Take(3).Select(e => e.Message)));
            await scope.ServiceProvider.GetRequiredService<ImportMappings>().SaveAsync(
                new ImportMappings.MappingDto("xss-mapping", payloads[0] + payloads[8], new Dictionary<string, string> { [payloads[16]] = "Name" }, [], "Upsert"), CancellationToken.None);
        }

        // Accounts: names and units shown on the administrators' pages.
        foreach (var payload in payloads.Take(30))
        {
            await AccountAsync(Roles.Department, payload.Length > 100 ? payload[..100] : payload, payload.Length > 100 ? payload[..100] : payload);
        }

        var fired = new List<string>();
        void Watch(IPage page) => page.Dialog += async (_, dialog) =>
        {
            fired.Add($"{page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };

        async Task CheckAsync(IPage page, string url)
        {
            await page.GotoAsync(url); // event-handler payloads fire while the page loads
            var marker = await page.EvaluateAsync<bool>("() => window.__xss === 1 || document.title === 'pwned'");
            Assert.False(marker, $"script ran on {url}");
        }

        var visitor = await app.NewPageAsync();
        Watch(visitor);
        var ids = new List<string>();
        for (var p = 1; p <= 7; p++)
        {
            await CheckAsync(visitor, $"/enterprises?district=wuzhong&p={p}");
            ids.AddRange(await visitor.Locator("table.data tbody td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        }

        Assert.True(ids.Count >= payloads.Count - 5, $"found {ids.Count} enterprises");
        foreach (var id in ids.Distinct())
        {
            await CheckAsync(visitor, id);
        }

        await CheckAsync(visitor, "/chain?district=wuzhong");
        await CheckAsync(visitor, "/districts");

        var (officialEmail, officialSecret) = await AccountAsync(Roles.Official, payloads[1]);
        var official = await SignInAsync(officialEmail, officialSecret);
        Watch(official);
        await CheckAsync(official, "/enterprises/import");
        // An import whose cells are attack strings: the error report shows them back.
        var bad = new StringBuilder("企业名称,所属板块,企业梯队/类型\n");
        foreach (var payload in payloads.Take(40))
        {
            bad.Append(Q("坏行" + payload)).Append(',').Append(Q(payload)).Append(',').Append(Q(payload)).Append('\n');
        }

        var file = Path.Combine(app.Database.DataDirectory, "bad-import.csv");
        await File.WriteAllTextAsync(file, bad.ToString(), TestContext.Current.CancellationToken);
        await official.GetByLabel("文件").SetInputFilesAsync(file);
        await official.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
        await Assertions.Expect(official.Locator("table.issues tbody tr").First).ToBeVisibleAsync();
        Assert.False(await official.EvaluateAsync<bool>("() => window.__xss === 1"));

        // Documents whose titles, numbers and text are attack strings, uploaded through the page; then
        // the upload report, search results (stored and reflected) and the document pages.
        var uploads = new List<string>();
        for (var chunk = 0; chunk * 20 < payloads.Count; chunk++)
        {
            var part = payloads.Skip(chunk * 20).Take(20).ToList();
            var body = new StringBuilder($"关于跨站脚本检测{chunk}的通知 {part[0]}\n\n苏测〔2026〕{chunk + 1}号\n\n");
            foreach (var payload in part)
            {
                body.Append("检测文本").Append(payload).Append("。人工智能产业营收超10亿元").Append(payload).Append("。\n\n");
            }

            var path = Path.Combine(app.Database.DataDirectory, $"xss-{chunk}.txt");
            await File.WriteAllTextAsync(path, body.ToString(), TestContext.Current.CancellationToken);
            uploads.Add(path);
        }

        await CheckAsync(official, "/documents/upload");
        await official.GetByLabel("文件（可多选）").SetInputFilesAsync(uploads);
        await official.GetByRole(AriaRole.Button, new() { Name = "上传并入库" }).ClickAsync();
        // The upload is a background job; its page reloads with the report when it ends (jobs wait for the start-up seed).
        await Assertions.Expect(official.Locator("section.report table tbody tr")).ToHaveCountAsync(uploads.Count, new() { Timeout = 60_000 });
        Assert.False(await official.EvaluateAsync<bool>("() => window.__xss === 1"));
        var documentLinks = await official.Locator("section.report a[href^='/documents/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(uploads.Count, documentLinks.Length);
        await CheckAsync(visitor, "/search?q=" + Uri.EscapeDataString("跨站脚本检测"));
        foreach (var link in documentLinks)
        {
            await CheckAsync(visitor, link + "?q=" + Uri.EscapeDataString("检测文本 营收"));
        }

        foreach (var payload in payloads.Take(20))
        {
            await CheckAsync(visitor, "/search?q=" + Uri.EscapeDataString(payload));
        }

        // Clauses and demands whose every text field is an attack string: lists, detail pages (the
        // official's editor too) and an enterprise's calculator.
        var clauseIds = new List<int>();
        var demandIds = new List<int>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<InnoCluster.Features.Calculator.CreateClause>();
            var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, "xss@example.test")], "test"));
            var db = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>();
            foreach (var payload in payloads.Take(10))
            {
                var saved = await store.RunAsync(new InnoCluster.Features.Calculator.ClauseInput(
                    "条款" + payload, payload, "Award", null, 1000m, null, null, null, null, null,
                    [new(null, null, null, payload), new("tier", "in", payload, null), new("tier", "in", "high-tech", null)],
                    null, null, payload, payload, "Confirmed", null, payload), principal, TestContext.Current.CancellationToken);
                clauseIds.Add(saved.Value!.Id);
                var demand = new InnoCluster.Features.Scenarios.Demand { Title = "需求" + payload, Problem = payload + "\n" + payload, Status = InnoCluster.Features.Scenarios.DemandStatus.Published, Source = new InnoCluster.Infrastructure.Provenance { Kind = InnoCluster.Infrastructure.ProvenanceKind.Manual, Source = payload }, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
                db.Add(demand);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                demandIds.Add(demand.Id);
            }
        }

        await CheckAsync(visitor, "/clauses");
        await CheckAsync(visitor, "/demands");
        foreach (var id in clauseIds)
        {
            await CheckAsync(visitor, $"/clauses/{id}");
            await CheckAsync(official, $"/clauses/{id}");
        }

        foreach (var id in demandIds)
        {
            await CheckAsync(visitor, $"/demands/{id}");
            await CheckAsync(official, $"/demands/{id}");
        }

        await CheckAsync(official, ids.First() + "/calculator");

        var (adminEmail, adminSecret) = await AccountAsync(Roles.SecurityAdmin, payloads[2]);
        var admin = await SignInAsync(adminEmail, adminSecret);
        Watch(admin);
        await CheckAsync(admin, "/admin/users");
        await CheckAsync(admin, "/account");

        var (auditorEmail, auditorSecret) = await AccountAsync(Roles.AuditAdmin, payloads[3]);
        var auditor = await SignInAsync(auditorEmail, auditorSecret);
        Watch(auditor);
        await CheckAsync(auditor, "/admin/audit");

        Assert.Empty(fired);
    }
}
