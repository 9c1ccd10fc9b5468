using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>
/// A firm files a request; the desk assigns it; the lead unit answers, asks for more time and the desk
/// agrees; the unit resolves it and the firm rates it. The desk records a 12345 call received the Friday
/// before the 2026 Spring Festival, and its acceptance deadline is the Saturday worked instead (2/14).
/// </summary>
public sealed class ServiceDeskTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<(int Id, string Name)> FirmAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>();
        var firm = new InnoCluster.Features.Registry.Enterprise { Name = "诉求浏览器测试科技有限公司" + Guid.NewGuid().ToString("N")[..4], CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
        db.Add(firm);
        await db.SaveChangesAsync();
        return (firm.Id, firm.Name);
    }

    [Fact]
    public async Task ARequest_IsFiledAssignedExtendedResolvedAndRated_OnWorkingDayClocks()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var (firmId, firmName) = await FirmAsync();
        var firm = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(firm, await BrowserAccounts.CreateAsync(app, Roles.Enterprise, "企业经办人", enterpriseId: firmId));
        var desk = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(desk, await BrowserAccounts.CreateAsync(app, Roles.Official, "服务窗口", totp: true));
        var unit = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(unit, await BrowserAccounts.CreateAsync(app, Roles.Department, "工信局经办", department: "市工信局"));

        // The firm files it.
        await firm.GotoAsync("/appeals");
        await firm.GetByRole(AriaRole.Link, new() { Name = "提出诉求" }).ClickAsync();
        await firm.GetByLabel("诉求主题").FillAsync("研发费用补助未兑现");
        await firm.GetByLabel("诉求内容").FillAsync("2025年度研发费用补助至今未到账，请协调。");
        await firm.GetByLabel("联系人（仅经办人员可见）").FillAsync("王经理");
        await firm.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(firm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("待受理");
        var url = firm.Url;

        // The desk assigns it to 市工信局.
        await desk.GotoAsync("/appeals?status=Received");
        await desk.GetByRole(AriaRole.Link, new() { Name = "研发费用补助未兑现" }).First.ClickAsync();
        await desk.GetByLabel("牵头单位").FillAsync("市工信局");
        await desk.GetByLabel("类别（如 政策兑现、融资、人才、用地、审批、场景）").FillAsync("政策兑现");
        await desk.GetByRole(AriaRole.Button, new() { Name = "交办" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已交办");

        // The unit answers, asks for more time; the desk agrees; the unit resolves it.
        await unit.GotoAsync(url);
        await Assertions.Expect(unit.Locator("dl.facts")).ToContainTextAsync("王经理");
        await unit.GetByLabel("首次答复").FillAsync("已联系企业核实");
        await unit.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        await unit.GetByLabel("申请延期（写明理由）").FillAsync("需财政局复核拨付流程");
        await unit.GetByRole(AriaRole.Button, new() { Name = "申请延期" }).ClickAsync();
        await desk.GotoAsync(url);
        await desk.GetByRole(AriaRole.Button, new() { Name = "同意延期至30个工作日" }).ClickAsync();
        await Assertions.Expect(desk.Locator("dl.facts")).ToContainTextAsync("已延期");
        await unit.GotoAsync(url);
        await unit.GetByLabel("办理结果").FillAsync("补助已拨付到账");
        await unit.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();

        // The firm rates it; the history shows every step.
        await firm.GotoAsync(url);
        await firm.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await firm.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(firm.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已关闭");
        await Assertions.Expect(firm.Locator("ol.timeline li")).ToHaveCountAsync(7);

        // A 12345 call received on Friday 2026-02-13: the desk must accept it by the worked Saturday, and it is overdue now.
        await desk.GotoAsync("/appeals/new");
        await desk.GetByLabel("企业（企业库中的名称或编号）").FillAsync(firmName);
        await desk.GetByLabel("渠道").SelectOptionAsync(new SelectOptionValue { Label = "12345热线" });
        await desk.GetByLabel("受理时间（北京时间，留空为现在）").FillAsync("2026-02-13T10:00");
        await desk.GetByLabel("诉求主题").FillAsync("春节前来电：用地审批");
        await desk.GetByLabel("诉求内容").FillAsync("来电反映用地审批进度慢。");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(desk.Locator("dl.facts")).ToContainTextAsync("2026-02-14 24时前");
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("逾期");
    }

    [Fact]
    public async Task AProposal_IsRegisteredDraftedSignedOffAndPublished_AndItsCommitmentsAreTracked()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (leadUnit, session) = ($"区工信局{suffix}", $"区政协二届五次会议{suffix}");
        var office = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(office, await BrowserAccounts.CreateAsync(app, Roles.Official, "提案办", totp: true));
        var lead = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(lead, await BrowserAccounts.CreateAsync(app, Roles.Department, "主办单位经办", department: leadUnit));

        // The office registers it.
        await office.GotoAsync("/proposals");
        await office.GetByRole(AriaRole.Link, new() { Name = "登记建议提案" }).ClickAsync();
        await office.GetByLabel("届次会议（如 区政协二届三次会议）").FillAsync(session);
        await office.GetByLabel("编号").FillAsync("12");
        await office.GetByLabel("提出人（代表或委员）").FillAsync("王委员");
        await office.GetByLabel("标题", new() { Exact = true }).FillAsync("关于建设人工智能公共算力平台的建议");
        await office.GetByLabel("主办单位").FillAsync(leadUnit);
        await office.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已交办，待答复");
        var url = office.Url;

        // The lead unit drafts the reply, class B, with one commitment it carries out.
        await lead.GotoAsync("/proposals");
        await lead.GetByRole(AriaRole.Link, new() { Name = "关于建设人工智能公共算力平台的建议" }).ClickAsync();
        await lead.GetByLabel("答复正文").FillAsync("您提出的建议收悉。现答复如下：我区将建设公共算力平台。");
        await lead.GetByLabel("B类 正在解决或列入计划").CheckAsync();
        await lead.GetByLabel("承诺事项 1").FillAsync("建成区级公共算力平台");
        await lead.Locator("#c0-unit").FillAsync(leadUnit);
        await lead.Locator("#c0-due").FillAsync("2026-12-31");
        await lead.GetByRole(AriaRole.Button, new() { Name = "保存答复稿" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("答复已拟稿，待签发");

        // The office signs it off and sends it, published with its disclosure record.
        await office.GotoAsync(url);
        await office.GetByRole(AriaRole.Button, new() { Name = "签发答复" }).ClickAsync();
        await office.GetByLabel("信息索引号").FillAsync($"014032126/2026-{suffix}");
        await office.GetByLabel("发布机构").FillAsync("新吴区工信局");
        await office.GetByLabel("公开日期").FillAsync("2026-06-22");
        await office.GetByRole(AriaRole.Button, new() { Name = "发出" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已答复");
        await Assertions.Expect(office.Locator("dl.facts")).ToContainTextAsync($"014032126/2026-{suffix}");

        // The commitment is a task: the unit reports progress on it; the letter is in the library.
        await lead.GotoAsync(url);
        await Assertions.Expect(lead.Locator("#commitment-1")).ToContainTextAsync("进展未知（尚无报告）");
        await lead.GetByLabel("进展情况").FillAsync("平台选址已完成。");
        await lead.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#commitment-1")).ToContainTextAsync("推进中");
        await Assertions.Expect(lead.Locator("#commitment-1")).ToContainTextAsync("平台选址已完成。");
        await office.GetByRole(AriaRole.Link, new() { Name = "在文档库中查看" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"对{session}第12号提案的答复函");
    }

    [Fact]
    public async Task AnAdministrator_EntersAYearsHolidayNotice_AndAMisreadSentenceIsNamed()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var admin = await app.NewPageAsync();
        await BrowserAccounts.SignInAsync(admin, await BrowserAccounts.CreateAsync(app, Roles.SystemAdmin, "系统管理员", totp: true));
        var text = await File.ReadAllTextAsync(Path.Combine(InnoCluster.Tests.Infrastructure.TestPaths.Seed, "calendar", "2026.txt"), TestContext.Current.CancellationToken);

        await admin.GotoAsync("/calendar?year=2026");
        await Assertions.Expect(admin.Locator("tr", new() { HasText = "2026-02-14" })).ToContainTextAsync("调休上班");
        await admin.GetByRole(AriaRole.Link, new() { Name = "录入放假安排通知" }).ClickAsync();
        await admin.GetByLabel("标题（如 国务院办公厅关于2027年部分节假日安排的通知）").FillAsync("国务院办公厅关于2026年部分节假日安排的通知");
        await admin.GetByLabel("成文日期").FillAsync("2025-11-04");
        await admin.GetByLabel("发布网址").FillAsync("https://politics.gmw.cn/2025-11/04/content_38391083.htm");
        await admin.GetByLabel("发布说明（如 新华社北京11月4日电）").FillAsync("新华社北京11月4日电");
        await admin.GetByLabel("通知全文").FillAsync(text.Replace("5月9日（周六）上班", "5月9日（周日）上班", StringComparison.Ordinal));
        await admin.GetByRole(AriaRole.Button, new() { Name = "读取并保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#text-error")).ToContainTextAsync("5月9日（周日）上班");

        await admin.GetByLabel("通知全文").FillAsync(text);
        await admin.GetByRole(AriaRole.Button, new() { Name = "读取并保存" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("放假33天，调休上班6天");
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "国务院办公厅关于2026年部分节假日安排的通知" })).ToBeVisibleAsync();
    }
}
