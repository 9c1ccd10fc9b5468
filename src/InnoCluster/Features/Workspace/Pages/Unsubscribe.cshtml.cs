using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>
/// The unsubscribe link of every mail. Opening it asks to confirm (a link scanner must not unsubscribe anyone);
/// the POST — the button, or a mail client's one-click List-Unsubscribe-Post (RFC 8058), which carries no form
/// token — stops all mail.
/// </summary>
[Authorize(Policy = Policies.Public)]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe) : PageModel
{
    public string? Token { get; private set; }

    public bool Done { get; private set; }

    public void OnGet(string? token) => Token = token;

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        Token = token;
        var result = await unsubscribe.RunAsync(token, cancellationToken);
        if (result.Problem is { } problem)
        {
            return problem.AsPageResult(this) ?? BadRequest();
        }

        Done = true;
        return Page();
    }
}
