using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>
/// One call: its rules, its countdown and the apply button; the 公示 and the objection form while it runs;
/// for the office, the applications and the next step (publish, assign experts, 公示, result); for a 板块 or
/// an expert, the applications that are theirs to handle.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class CallPageModel(GetCall get, ListApplications applications, GetPublicity publicity, StartApplication start, PublishCall publish,
    AssignExperts assign, StartPublicity startPublicity, PublishResult result, FileObjection objection, TimeProvider clock) : UseCasePageModel
{
    public CallView Call { get; private set; } = null!;

    public IReadOnlyList<ListApplications.Item>? Applications { get; private set; }

    public GetPublicity.Result? Publicity { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public string? ProjectTitle { get; set; }

    [BindProperty]
    public FileObjection.Request Objection { get; set; } = new(null, null, null, null);

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public bool IsFirm => User.IsInRole(Roles.Enterprise);

    private CallActor Actor => User.Identity?.IsAuthenticated == true ? CallActor.Of(User) : CallActor.Anonymous;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsFirm)
        {
            return Forbid();
        }

        var started = await start.RunAsync(id, new StartApplication.Request(ProjectTitle), Actor, cancellationToken);
        return started.Succeeded ? Redirect($"/calls/applications/{started.Value!.Id}") : await ShowAsync(id, started.Problem!, cancellationToken);
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        OfficeAsync(id, async () => (await publish.RunAsync(id, cancellationToken)).Problem, Ui.L("已发布。", "Published."), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) =>
        OfficeAsync(id, async () =>
        {
            var done = await assign.RunAsync(id, cancellationToken);
            if (done.Value is { } outcome)
            {
                Message = Ui.L($"已分配 {outcome.Assigned} 人次，回避 {outcome.Recusals} 人次；{outcome.ShortOfExperts.Count} 件申报专家不足。",
                    $"{outcome.Assigned} reviews assigned, {outcome.Recusals} recusals; {outcome.ShortOfExperts.Count} applications short of experts.");
            }

            return done.Problem;
        }, null, cancellationToken);

    public Task<IActionResult> OnPostPublicityAsync(int id, CancellationToken cancellationToken) =>
        OfficeAsync(id, async () => (await startPublicity.RunAsync(id, cancellationToken)).Problem, Ui.L("公示已发布。", "The public notice is published."), cancellationToken);

    public Task<IActionResult> OnPostResultAsync(int id, CancellationToken cancellationToken) =>
        OfficeAsync(id, async () => (await result.RunAsync(id, cancellationToken)).Problem, Ui.L("结果已公布。", "The result is published."), cancellationToken);

    public async Task<IActionResult> OnPostObjectionAsync(int id, CancellationToken cancellationToken)
    {
        var filed = await objection.RunAsync(id, Objection, Actor, cancellationToken);
        if (filed.Succeeded)
        {
            Objection = new(null, null, null, null);
        }

        return await AfterAsync(id, filed.Problem, Ui.L("异议已收到，集群办将答复。", "Your objection is received; the office will answer it."), cancellationToken);
    }

    private async Task<IActionResult> OfficeAsync(int id, Func<Task<Problem?>> step, string? done, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        return await AfterAsync(id, await step(), done, cancellationToken);
    }

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        Now = clock.GetUtcNow();
        if (await get.RunAsync(id, Actor, cancellationToken) is not { } call)
        {
            return false;
        }

        Call = call;
        Applications = User.Identity?.IsAuthenticated == true && !IsFirm ? await applications.RunAsync(id, null, Actor, cancellationToken) : null;
        Publicity = await publicity.RunAsync(id, cancellationToken);
        return true;
    }
}
