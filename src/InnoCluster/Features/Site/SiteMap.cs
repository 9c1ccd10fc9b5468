using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Site;

/// <summary>
/// Every page a person can open from nowhere (no id in its address), grouped as a visitor thinks of them,
/// each with the policy its page declares; the site map shows a reader the ones they may open, and the main
/// navigation is the entries marked for it (one list, so the two cannot drift apart). A test holds each entry
/// to the page's real route and policy.
/// </summary>
public static class SiteMap
{
    /// <param name="Nav">Shown in the main navigation, under this (shorter) name, to those the nav's policy (else the page's) lets in.</param>
    public sealed record Entry(string Chinese, string English, string Path, string Policy, NavItem? Nav = null);

    public sealed record NavItem(string Chinese, string English, string? Policy = null);

    public sealed record Section(string Chinese, string English, IReadOnlyList<Entry> Entries);

    public static IReadOnlyList<Section> Sections { get; } =
    [
        new("公共服务", "Public services",
        [
            new("首页", "Home", "/", Policies.Public, new("首页", "Home")),
            new("企业库", "Enterprises", "/enterprises", Policies.Public, new("企业库", "Enterprises")),
            new("产业链图谱", "Chain map", "/chain", Policies.Public, new("产业链图谱", "Chain map")),
            new("板块", "Districts", "/districts", Policies.Public, new("板块", "Districts")),
            new("创新载体", "Carriers", "/carriers", Policies.Public, new("创新载体", "Carriers")),
            new("政策文库", "Policy library", "/search", Policies.Public, new("政策文库", "Library")),
            new("政策条款", "Policy clauses", "/clauses", Policies.Public, new("政策条款", "Clauses")),
            new("政策自测", "Policy self-check", "/self-check", Policies.Public),
            new("场景需求", "Scenario demands", "/demands", Policies.Public, new("场景需求", "Demands")),
            new("解决方案", "Solutions", "/solutions", Policies.Public),
            new("场景看板", "Scenario board", "/scenarios", Policies.Public, new("场景看板", "Scenarios")),
            new("场景清单", "Scenario lists", "/scenarios/lists", Policies.Public),
            new("场景案例集", "Case collection", "/scenarios/cases", Policies.Public),
            new("项目申报", "Calls for applications", "/calls", Policies.Public, new("项目申报", "Calls")),
            new("行动计划", "Action plan", "/plans", Policies.Public, new("行动计划", "Action plan")),
            new("工作日历", "Working calendar", "/calendar", Policies.Public),
            new("联系我们", "Contact", "/contact", Policies.Public),
            new("网站地图", "Site map", "/sitemap", Policies.Public),
            new("界面规范", "Design system", "/design", Policies.Public),
        ]),
        new("账号", "Account",
        [
            new("登录", "Sign in", "/account/sign-in", Policies.Public),
            new("注册", "Register", "/account/register", Policies.Public),
            new("忘记密码", "Forgot password", "/account/forgot-password", Policies.Public),
            new("我的工作台", "My workspace", "/me", Policies.SignedIn, new("工作台", "Workspace")),
            new("消息", "Notices", "/me/notifications", Policies.SignedIn),
            new("邮件设置", "Mail settings", "/me/settings", Policies.SignedIn),
            new("关注的检索", "Followed searches", "/me/subscriptions", Policies.SignedIn),
            new("我的账号", "My account", "/account", Policies.SignedIn),
            new("修改密码", "Change password", "/account/change-password", Policies.SignedIn),
            new("我的任务", "My jobs", "/jobs", Policies.SignedIn),
            new("我的评审", "My reviews", "/calls/reviews", Policies.Reviewer, new("我的评审", "My reviews")),
        ]),
        new("企业服务", "For enterprises",
        [
            new("企业诉求", "Requests", "/appeals", Policies.SignedIn, new("企业诉求", "Requests")),
            new("提交诉求", "File a request", "/appeals/new", Policies.EnterpriseOrOfficial),
            new("发布场景需求", "Post a scenario demand", "/demands/new", Policies.ScenarioAuthor),
        ]),
        new("集群办工作", "Cluster office",
        [
            new("建议提案", "Proposals", "/proposals", Policies.SignedIn, new("建议提案", "Proposals", Policies.PlanTeam)),
            new("登记建议提案", "Register a proposal", "/proposals/new", Policies.Official),
            new("诉求分析", "Request analytics", "/appeals/analytics", Policies.Official),
            new("企业认领审核", "Firm claims", "/claims", Policies.Official),
            new("企业数据确认", "Firm data to confirm", "/enterprises/fact-changes", Policies.Official),
            new("招商项目", "Investment attraction", "/projects", Policies.Official, new("招商项目", "Projects")),
            new("新建招商项目", "New investment project", "/projects/new", Policies.Official),
            new("招商目标", "Investment targets", "/projects/targets", Policies.Official),
            new("新建征集", "New call", "/calls/new", Policies.Official),
            new("评审专家库", "Expert pool", "/calls/experts", Policies.Official),
            new("企业数据导入", "Import enterprises", "/enterprises/import", Policies.Official, new("数据导入", "Import")),
            new("资质与认定记录导入", "Import designations and records", "/records/import", Policies.Official),
            new("添加文档", "Add documents", "/documents/upload", Policies.Official, new("添加文档", "Add documents")),
            new("导入行动计划", "Import an action plan", "/plans/import", Policies.Official),
        ]),
        new("系统管理", "Administration",
        [
            new("账号管理", "Accounts", "/admin/users", Policies.SecurityAdmin, new("账号管理", "Accounts")),
            new("审计日志", "Audit log", "/admin/audit", Policies.AuditAdmin, new("审计日志", "Audit")),
            new("网站设置", "Site settings", "/admin/site", Policies.SystemAdmin),
            new("录入放假安排通知", "Enter a holiday notice", "/calendar/notices/new", Policies.SystemAdmin),
        ]),
    ];

    /// <summary>The main navigation's entries, in the site map's order.</summary>
    public static IEnumerable<Entry> Navigation => Sections.SelectMany(s => s.Entries).Where(e => e.Nav is not null);

    /// <summary>The pages anyone may open, for search engines (sitemap.xml).</summary>
    public static IEnumerable<Entry> PublicEntries =>
        Sections.SelectMany(s => s.Entries).Where(e => e.Policy == Policies.Public && !e.Path.StartsWith("/account/", StringComparison.Ordinal));
}
