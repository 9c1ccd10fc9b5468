using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>The notification centre: every notice, unread ones marked, each opened or marked read.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationsModel(ListNotifications list, MarkNotificationsRead mark) : PageModel
{
    public const int Shown = 200;

    public ListNotifications.Page Notices { get; private set; } = null!;

    public bool UnreadOnly { get; private set; }

    public async Task OnGetAsync(bool unread, CancellationToken cancellationToken)
    {
        UnreadOnly = unread;
        Notices = await list.RunAsync(User.UserId()!, unread, Shown, cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        var marked = await mark.OneAsync(User.UserId()!, id, cancellationToken);
        return marked.Problem?.AsPageResult(this) ?? RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await mark.AllAsync(User.UserId()!, cancellationToken);
        return RedirectToPage();
    }
}
