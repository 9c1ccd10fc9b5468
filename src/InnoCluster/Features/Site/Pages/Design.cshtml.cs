using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Site.Pages;

/// <summary>The design system: every component of the one stylesheet, shown as it renders, with its class and where it is used.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class DesignModel : PageModel
{
    public sealed record Component(string Chinese, string English, string Css, string UsedOn);

    public static IReadOnlyList<Component> Components { get; } =
    [
        new("页头与导航", "Header and navigation", ".site-header .nav", "/"),
        new("页脚（主办单位、备案号、网站地图）", "Footer (organizer, filing numbers, site map)", ".site-footer .site-identity", "/contact"),
        new("按钮", "Buttons", "button .button .secondary .primary .link-button", "/search"),
        new("表单", "Forms", "form.editor .field .field-error", "/admin/site"),
        new("筛选条", "Filter bar", ".filters .field", "/enterprises"),
        new("数据表", "Data tables", "table.data", "/districts"),
        new("卡片", "Cards", ".cards .card", "/"),
        new("统计数字", "Figures", ".stats .stat", "/"),
        new("标签与徽章", "Tags and badges", ".tag .badge", "/enterprises"),
        new("提示", "Alerts", ".alert.ok .alert.error", "/calendar"),
        new("空状态", "Empty states", ".empty-state", "/clauses"),
        new("检索标记", "Search marks", "mark .matches-bar", "/search"),
        new("文件页版式", "Document layout", ".document-layout .document-side", "/documents/5"),
        new("来源与原文", "Sources and quotes", "details.source q blockquote.quote", "/enterprises"),
        new("图表（ECharts，下方表格给出同样数据）", "Charts (ECharts; a table beside each holds the same figures)", ".chart", "/plans"),
    ];

    /// <summary>The stylesheet's colours, by custom property.</summary>
    public static IReadOnlyList<(string Property, string Hex, string Chinese, string English)> Colours { get; } =
    [
        ("--brand", "#1f4e79", "主色", "Brand"), ("--brand-dark", "#163a5a", "主色（深）", "Brand, dark"), ("--accent", "#b3261e", "强调", "Accent"),
        ("--ok", "#2e7d32", "达标", "Met"), ("--few", "#a85300", "偏少", "Few"), ("--none", "#b3261e", "缺失", "None"),
        ("--muted", "#5b6470", "次要文字", "Muted text"), ("--line", "#d9dee4", "分隔线", "Rules"), ("--bg", "#f6f8fa", "底色", "Background"),
    ];
}
