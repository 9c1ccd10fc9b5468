using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>One request: its clocks and history, and the moves open to the reader (the desk, the lead unit, the firm).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AppealModel(GetAppeal get, MoveAppeal move, EraseContact erase, TimeProvider clock) : PageModel
{
    public AppealView Appeal { get; private set; } = null!;

    public string? Problem { get; private set; }

    public AppealActor Reader => AppealActor.Of(User, clock.GetUtcNow());

    public bool IsLeadUnit => Reader.IsDesk || (Reader.Unit is { } unit && unit == Appeal.LeadUnit);

    public bool IsFirm => Reader.EnterpriseId is { } firm && firm == Appeal.EnterpriseId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int id, string? leadUnit, string? coUnits, string? theme, CancellationToken ct) =>
        AfterAsync(id, move.AssignAsync(id, new MoveAppeal.AssignRequest(leadUnit, FormLists.Split(coUnits), theme), User, ct), ct);

    public Task<IActionResult> OnPostRespondAsync(int id, string? note, CancellationToken ct) => AfterAsync(id, move.RespondAsync(id, new(note), User, ct), ct);

    public Task<IActionResult> OnPostExtendAsync(int id, string? note, CancellationToken ct) => AfterAsync(id, move.ExtendAsync(id, new(note), User, ct), ct);

    public Task<IActionResult> OnPostExtensionAsync(int id, bool approve, string? note, CancellationToken ct) => AfterAsync(id, move.DecideExtensionAsync(id, new(approve, note), User, ct), ct);

    public Task<IActionResult> OnPostHandBackAsync(int id, string? note, CancellationToken ct) => AfterAsync(id, move.HandBackAsync(id, new(note), User, ct), ct);

    public Task<IActionResult> OnPostResolveAsync(int id, string? note, CancellationToken ct) => AfterAsync(id, move.ResolveAsync(id, new(note), User, ct), ct);

    public Task<IActionResult> OnPostRateAsync(int id, Satisfaction rating, string? comment, CancellationToken ct) => AfterAsync(id, move.RateAsync(id, new(rating, comment), User, ct), ct);

    public async Task<IActionResult> OnPostEraseContactAsync(int id, CancellationToken ct)
    {
        if (!Reader.IsDesk)
        {
            return Forbid();
        }

        await erase.OfAppealAsync(id, ct);
        return Redirect($"/appeals/{id}");
    }

    private async Task<IActionResult> AfterAsync(int id, Task<Result<AppealView>> moving, CancellationToken ct)
    {
        var moved = await moving;
        if (moved.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            Problem = problem.Text;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/appeals/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, User, ct) is not { } appeal)
        {
            return false;
        }

        Appeal = appeal;
        return true;
    }
}
