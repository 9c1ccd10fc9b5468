using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>The searches a person follows: new results of each come in the digest. Following starts from a list page's button.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SubscriptionsModel(ListFollowedSearches list, FollowSearch follow, UnfollowSearch unfollow) : PageModel
{
    public IReadOnlyList<FollowSearch.View> Searches { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Searches = await list.RunAsync(User.UserId()!, cancellationToken);

    public async Task<IActionResult> OnPostFollowAsync(string? kind, string? query, string? label, CancellationToken cancellationToken)
    {
        var followed = await follow.RunAsync(User.UserId()!, new(kind, query, label), cancellationToken);
        Problem = followed.Problem?.Text;
        Message = followed.Problem is null ? Ui.L("已关注：新结果会出现在消息和邮件汇总中。", "Followed: new results come in your notices and digest.") : null;
        Searches = await list.RunAsync(User.UserId()!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnfollowAsync(int id, CancellationToken cancellationToken)
    {
        var removed = await unfollow.RunAsync(User.UserId()!, id, cancellationToken);
        if (removed.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Message = Ui.L("已取消关注。", "No longer followed.");
        Searches = await list.RunAsync(User.UserId()!, cancellationToken);
        return Page();
    }

    public static string KindName(string kind) => kind switch
    {
        "documents" => Ui.L("政策文库", "Policy library"),
        "enterprises" => Ui.L("企业库", "Enterprises"),
        "demands" => Ui.L("场景需求", "Demands"),
        _ => kind,
    };
}
