using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Documents.Pages;

/// <summary>
/// Seed data cites its source as a file name and a verbatim quote; this turns such a citation into the
/// library's document, scrolled to the quoted sentences and highlighted.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class SourceModel(GetDocument get) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string file, string? quote, CancellationToken cancellationToken)
    {
        if (await get.LocateAsync(file, quote, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        return LocalRedirect(DocumentLinks.At(found.DocumentId, found.SentenceStart, found.QuoteEnd));
    }
}
