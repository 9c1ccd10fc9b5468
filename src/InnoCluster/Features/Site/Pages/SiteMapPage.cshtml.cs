using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Site.Pages;

/// <summary>Every page the reader may open, grouped; the pages of roles they do not hold are left out.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class SiteMapPageModel(IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<(SiteMap.Section Section, IReadOnlyList<SiteMap.Entry> Entries)> Sections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var sections = new List<(SiteMap.Section, IReadOnlyList<SiteMap.Entry>)>();
        foreach (var section in SiteMap.Sections)
        {
            var entries = new List<SiteMap.Entry>();
            foreach (var entry in section.Entries)
            {
                if (!allowed.TryGetValue(entry.Policy, out var may))
                {
                    may = allowed[entry.Policy] = (await authorization.AuthorizeAsync(User, entry.Policy)).Succeeded;
                }

                if (may)
                {
                    entries.Add(entry);
                }
            }

            if (entries.Count > 0)
            {
                sections.Add((section, entries));
            }
        }

        Sections = sections;
    }
}
