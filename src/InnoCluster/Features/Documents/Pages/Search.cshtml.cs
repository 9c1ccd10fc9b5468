using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace InnoCluster.Features.Documents.Pages;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(DocumentSearch search, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issuer { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Method { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Industry { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DocumentSearch.Result Result { get; private set; } = default!;

    public bool CanUpload { get; private set; }

    public IReadOnlyList<(string Key, string Value)> ActiveFilters =>
        new (string, string?)[]
        {
            ("kind", Kind), ("level", Level), ("status", Status), ("issuer", Issuer), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("category", Category), ("method", Method), ("industry", Industry),
        }.Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => (f.Item1, f.Item2!)).ToList();

    /// <summary>The facets in the order shown, with their headings.</summary>
    public static IReadOnlyList<(string Key, string Chinese, string English)> FacetHeadings { get; } =
    [
        ("kind", "类型", "Type"), ("category", "分类", "Category"), ("method", "支持方式", "Form of support"), ("industry", "支持产业", "Industry supported"),
        ("level", "级别", "Level"), ("status", "状态", "Status"), ("issuer", "发文单位", "Issuing body"), ("year", "年份", "Year"),
    ];

    /// <summary>Facets whose values are the documents' own words (shown as written, in Chinese).</summary>
    public static bool ShowsSourceWords(string key) => key is "issuer" or "category" or "method" or "industry";

    public bool NewestFirst => string.Equals(Sort, DocumentSearch.SortByDate, StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await search.RunAsync(new DocumentSearch.Query(Q, Kind, Level, Status, Issuer, Year, Category, Method, Industry, Sort, PageNumber, 10), cancellationToken);
        CanUpload = (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
    }

    public bool IsActive(string key, string value) => ActiveFilters.Any(f => f.Key == key && f.Value == value);

    /// <summary>This search with one filter set (or cleared when already set) or another order, back to page 1 unless paging.</summary>
    public string LinkWith(string key, string? value)
    {
        var values = new Dictionary<string, string?> { ["q"] = Q, ["sort"] = Sort };
        foreach (var (k, v) in ActiveFilters)
        {
            values[k] = v;
        }

        if (key is "p" or "sort")
        {
            values[key] = value;
        }
        else
        {
            values[key] = IsActive(key, value ?? "") ? null : value;
        }

        return QueryHelpers.AddQueryString("/search", values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string FacetLabel(string key, string value) => DocumentLabels.Facet(key, value);

    /// <summary>The document opened at a paragraph, the paragraph highlighted and the search's words marked.</summary>
    public string OpenAt(int documentId, int? start, int? end) =>
        start is not null && end is not null ? DocumentLinks.At(documentId, start, end, Q) : DocumentLinks.At(documentId, query: Q);

    /// <summary>第十九条 in Chinese, Article 19 in English.</summary>
    public static string ArticleLabel(string? label, int? number) =>
        label is null || number is null ? string.Empty : Ui.L(label, $"Article {number}");
}
