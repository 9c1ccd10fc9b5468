using InnoCluster.Infrastructure.Web;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace InnoCluster.BrowserTests;

/// <summary>An official opens the plan dashboard, follows a figure to its source sentence, and downloads the annual report as PDF.</summary>
public sealed class PlanDashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Dashboard_TargetFigureLeadsToItsSentence_AndTheAnnualReportPrints()
    {
        var official = await BrowserAccounts.CreateAsync(app, Roles.Official, "集群办", totp: true);
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000);

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
        await BrowserAccounts.SignInAsync(page, official);

        // The office reminds the units whose reports are overdue (nothing has been reported in this database).
        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "责任单位与任务" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "向逾期单位发送催报提醒" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已向");
        await Assertions.Expect(page.Locator("section.unit").First.GetByRole(AriaRole.Heading)).ToContainTextAsync("已催报");

        // The official defines the lead-goose target's indicator as a registry count, and a value in the wrong unit is refused.
        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "头雁企业", Exact = true }).ClickAsync();
        // Picked on a form (what to count, which tiers, where on the chain): no syntax to type.
        // The platform proposes the 头雁 tier and fills the form with it; nothing is counted until the official saves.
        await Assertions.Expect(page.GetByTestId("suggested-indicator")).ToContainTextAsync("头雁");
        var form = page.GetByTestId("indicator-form");
        await Assertions.Expect(form.GetByLabel("头雁企业", new() { Exact = true })).ToBeCheckedAsync();
        await form.GetByLabel("平台计数：登记库中的企业").CheckAsync();
        await form.GetByLabel("头雁企业", new() { Exact = true }).UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请至少选择一个企业梯队");
        form = page.GetByTestId("indicator-form");
        await form.GetByLabel("平台计数：登记库中的企业").CheckAsync();
        await form.GetByLabel("头雁企业", new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("指标已保存");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("登记库中头雁企业的企业数");
        await Assertions.Expect(page.GetByTestId("indicator-form").GetByLabel("头雁企业", new() { Exact = true })).ToBeCheckedAsync(); // the form shows what is stored
        await page.GetByLabel("数值（含单位，如 2300亿元、39家）").FillAsync("12万元");
        await page.GetByLabel("数据日期").FillAsync("2024-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("单位“元”与目标单位“家”不一致");

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "年度报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "一、目标完成情况" })).ToBeVisibleAsync();
        // Printing runs as a job: the official lands on its page, which follows it and then offers the file.
        await page.GetByRole(AriaRole.Button, new() { Name = "生成 PDF" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/jobs/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "年度报告 PDF" })).ToBeVisibleAsync();
        // The plan runs 2023–2025: without a year asked, the report is the last complete year's, and its file says so.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "下载 annual-report-plan-1-2025.pdf" });
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"annual-report-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            using var pdf = PdfDocument.Open(path);
            // NFKC: the CJK fonts map some characters to Kangxi radicals (⼀ for 一), which PdfPig reports as drawn.
            // ⻚ (U+2EDA, a radicals-supplement form the font draws for 页) is outside NFKC.
            var printed = pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormKC).Replace('\u2EDA', '页')).ToList();
            // A4 (595 × 842 pt), every page after the cover numbered 第N页 at its foot.
            Assert.All(pdf.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
            Assert.All(printed.Skip(1).Select((text, i) => (text, number: i + 2)), p => Assert.Contains($"第{p.number}页", p.text, StringComparison.Ordinal));
            Assert.DoesNotContain("第1页", printed[0], StringComparison.Ordinal);
            var pages = printed.Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"第\d+页", "")).ToList();
            // Cover, one section per page break (targets, tasks, chain map, scenarios), then the notes.
            Assert.True(pages.Count >= 6, $"{pages.Count} pages");
            var expected = new[] { "一、目标完成情况", "二、重点任务推进", "三、产业链图谱", "四、场景应用与案例", "注释与出处" };
            var starts = expected.Select(heading => pages.FindIndex(1, p => p.TrimStart().StartsWith(heading, StringComparison.Ordinal))).ToList();
            Assert.True(starts.All(s => s > 0), "section pages: " + string.Join(", ", expected.Zip(starts, (h, s) => $"{h}@{s}")) + "; pages begin: " + string.Join(" | ", pages.Select(p => p[..Math.Min(20, p.Length)])));
            Assert.Equal(starts.Order(), starts);
            Assert.Contains("苏州市人工智能产业创新集群行动计划", pages[0], StringComparison.Ordinal);
            Assert.Contains(pages.Skip(starts[^1]), p => p.Contains("上市企业32家", StringComparison.Ordinal)); // its sources in simplified script
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Department_FilesAProgressReportOnItsTask_AndTheUnitViewShowsItReported()
    {
        var department = await BrowserAccounts.CreateAsync(app, Roles.Department, "市科技局联络员", department: "市科技局");
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await BrowserAccounts.SignInAsync(page, department);

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
        await page.GetByLabel("目标", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "项目入围国家人工智能产业创新重点任务揭榜挂帅（20个）" });
        await page.GetByLabel("数值（含单位，如 2300亿元、12家）").FillAsync("12家");
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("单位“家”与目标单位“个”不一致");
        await Assertions.Expect(page.Locator("article.report")).ToHaveCountAsync(0);

        await page.GetByLabel("数值（含单位，如 2300亿元、12家）").FillAsync("12个");
        await page.GetByLabel("附件（PDF、Word、Excel、图片，最多 10 个）").SetInputFilesAsync(new FilePayload
        {
            Name = "入围名单.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("第1版");
        var report = page.Locator("article.report").First;
        await Assertions.Expect(report).ToContainTextAsync("市科技局");
        await Assertions.Expect(report).ToContainTextAsync("12个");
        await Assertions.Expect(report.GetByRole(AriaRole.Link, new() { Name = "入围名单.pdf" })).ToBeVisibleAsync();

        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "责任单位与任务" }).ClickAsync();
        var reported = page.Locator("section.unit").First.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "专栏2-3 创新任务揭榜挂帅" }) });
        await Assertions.Expect(reported).ToContainTextAsync("已报送");
        await Assertions.Expect(reported).Not.ToContainTextAsync("逾期");

        // The same view and the task page in English.
        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(new Uri(page.Url).PathAndQuery));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Responsible units and tasks");
        await page.Locator("section.unit").First.GetByRole(AriaRole.Link, new() { Name = "Box 2-3 创新任务揭榜挂帅" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "File a progress report" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.report").First).ToContainTextAsync("version 1");
    }
}
