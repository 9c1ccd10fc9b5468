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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DocumentSearch.Result Result { get; private set; } = default!;

    public bool CanUpload { get; private set; }

    public IReadOnlyList<(string Key, string Value)> ActiveFilters =>
        new (string, string?)[] { ("kind", Kind), ("level", Level), ("status", Status), ("issuer", Issuer), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => (f.Item1, f.Item2!)).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await search.RunAsync(new DocumentSearch.Query(Q, Kind, Level, Status, Issuer, Year, PageNumber, 10), cancellationToken);
        CanUpload = (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
    }

    public bool IsActive(string key, string value) => ActiveFilters.Any(f => f.Key == key && f.Value == value);

    /// <summary>This search with one filter set (or cleared when already set), back to page 1 unless paging.</summary>
    public string LinkWith(string key, string? value)
    {
        var values = new Dictionary<string, string?> { ["q"] = Q };
        foreach (var (k, v) in ActiveFilters)
        {
            values[k] = v;
        }

        if (key == "p")
        {
            values["p"] = value;
        }
        else
        {
            values[key] = IsActive(key, value ?? "") ? null : value;
        }

        return QueryHelpers.AddQueryString("/search", values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string FacetLabel(string key, string value) => DocumentLabels.Facet(key, value);
}
