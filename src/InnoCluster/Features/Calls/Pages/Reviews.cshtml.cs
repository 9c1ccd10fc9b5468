using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>An expert's own review work: what to score, what is scored, where they stepped aside.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewsModel(MyReviews reviews) : PageModel
{
    public IReadOnlyList<MyReviews.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await reviews.RunAsync(CallActor.Of(User), cancellationToken);
}
