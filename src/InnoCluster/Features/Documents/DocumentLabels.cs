using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Documents;

/// <summary>What a reader sees for a document's kind, level and status (the stored values are codes).</summary>
public static class DocumentLabels
{
    public static string Kind(string kind) => Facet("kind", kind);

    public static string Level(string level) => Facet("level", level);

    public static string Status(string status) => Facet("status", status);

    /// <summary>A facet's value as shown; issuers and years are shown as they are.</summary>
    public static string Facet(string key, string value) => (key, value) switch
    {
        ("kind", "Policy") => Ui.L("政策", "Policy"),
        ("kind", "Reply") => Ui.L("答复", "Reply"),
        ("kind", "News") => Ui.L("资讯", "News"),
        ("kind", "Law") => Ui.L("法规", "Law"),
        ("kind", _) => Ui.L("其他", "Other"),
        ("level", "National") => Ui.L("国家级", "National"),
        ("level", "Provincial") => Ui.L("省级", "Provincial"),
        ("level", "Municipal") => Ui.L("市级", "Municipal"),
        ("level", "District") => Ui.L("区县级", "District"),
        ("level", _) => Ui.L("未标明", "Not stated"),
        ("status", "Valid") => Ui.L("有效", "Valid"),
        ("status", "Expired") => Ui.L("失效", "Expired"),
        ("status", _) => Ui.L("未标明", "Not stated"),
        _ => value,
    };
}
