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
}
