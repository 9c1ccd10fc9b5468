using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>
/// One application, for whoever may see it, with what each of them does next: the firm fills it in, attaches
/// its files, submits or withdraws; the office checks it, scores it as the panel and decides; its 板块
/// recommends it; an assigned expert scores it or steps aside. The same use cases as the API.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ApplicationPageModel(
    GetApplication get, GetCall getCall, EditApplication edit, SubmitApplication submit, WithdrawApplication withdraw, CheckApplication check,
    RecommendApplication recommend, ScoreApplication score, RecuseFromReview recuse, SetPanelScore panel, DecideApplication decide, RecordUpwardResult upward,
    UploadStore uploads, IOptions<UploadOptions> uploadOptions, Registry.IRegistryDirectory registry) : UseCasePageModel
{
    public ApplicationView Application { get; private set; } = null!;

    public CallView Call { get; private set; } = null!;

    [BindProperty]
    public string? ProjectTitle { get; set; }

    [BindProperty]
    public string? Partners { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public CandidateInput Candidate { get; set; } = new(null, null, null, null);

    /// <summary>Whether the form carried a candidate (only a talent programme's form has the fields).</summary>
    private bool NamesACandidate => new[] { Candidate.Name, Candidate.Position, Candidate.Field, Candidate.ChainNode }.Any(part => part is not null);

    /// <summary>The chain's nodes, for a talent programme's candidate to name the field.</summary>
    public IReadOnlyList<Registry.ChainNodeInfo> ChainNodes { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, decimal> Scores { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public decimal? Number { get; set; }

    [BindProperty]
    public int CorrectionDays { get; set; } = 5;

    [BindProperty]
    public DateOnly? DecidedOn { get; set; }

    private CallActor Actor => CallActor.Of(User);

    public bool IsOwnFirm => Actor.EnterpriseId == Application.EnterpriseId;

    public bool IsOfficial => Actor.IsOfficial;

    public bool IsDistrict => Actor.Unit is not null && !IsOfficial && Call.NeedsDistrictRecommendation;

    public ApplicationView.Review? MyReview => Actor.IsExpert && !IsOfficial ? Application.Reviews.SingleOrDefault() : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var files = new List<EditApplication.FileRef>();
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("file-", StringComparison.Ordinal)))
        {
            await using var stream = file.OpenReadStream();
            var (saved, refusal) = await uploads.SaveAsync(Actor.UserId, "call-application", file.FileName, stream, UploadStore.AttachmentKinds, uploadOptions.Value.Limits, cancellationToken);
            if (saved is null)
            {
                return await ShowAsync(id, Infrastructure.UseCases.Problem.Invalid($"files.{file.Name[5..]}", refusal!.Message), cancellationToken);
            }

            files.Add(new(file.Name[5..], saved.Id));
        }

        if (await get.RunAsync(id, Actor, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        // Files not replaced stay as they were.
        files.AddRange(current.Files.Where(f => files.All(n => n.Key != f.Key)).Select(f => new EditApplication.FileRef(f.Key, f.FileId)));
        var partners = (Partners ?? "").Split(['\n', '、', ',', '，', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return await StepAsync(id, edit.RunAsync(id, new EditApplication.Request(ProjectTitle, partners, Answers, files, NamesACandidate ? Candidate : null), Actor, cancellationToken), Ui.L("已保存。", "Saved."), cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, submit.RunAsync(id, Actor, cancellationToken), Ui.L("已提交。", "Submitted."), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, withdraw.RunAsync(id, Actor, cancellationToken), Ui.L("已撤回。", "Withdrawn."), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, check.RunAsync(id, new(true, Note, null), Actor, cancellationToken), Ui.L("形式审查通过。", "Passed the formal check."), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, check.RunAsync(id, new(false, Note, CorrectionDays), Actor, cancellationToken), Ui.L("已退回补正。", "Returned for correction."), cancellationToken);

    public Task<IActionResult> OnPostRecommendAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, recommend.RunAsync(id, new(true, Note), Actor, cancellationToken), Ui.L("已推荐。", "Recommended."), cancellationToken);

    public Task<IActionResult> OnPostNotRecommendAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, recommend.RunAsync(id, new(false, Note), Actor, cancellationToken), Ui.L("已记录不予推荐。", "Recorded as not recommended."), cancellationToken);

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await score.RunAsync(id, new(Scores, Note), Actor, cancellationToken)).Problem, Ui.L("评分已保存。", "Your scores are saved."), cancellationToken);

    /// <summary>An expert steps aside: the application is no longer theirs to see, so they go back to their reviews.</summary>
    public async Task<IActionResult> OnPostRecuseAsync(int id, int assignment, CancellationToken cancellationToken) =>
        (await recuse.RunAsync(assignment, new(Note), Actor, cancellationToken)).Problem is { } problem ? await ShowAsync(id, problem, cancellationToken) : Redirect("/calls/reviews");

    public Task<IActionResult> OnPostPanelAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, panel.RunAsync(id, new(Number, Note), Actor, cancellationToken), Ui.L("小组评分已记录。", "The panel's score is recorded."), cancellationToken);

    public Task<IActionResult> OnPostSelectAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, decide.RunAsync(id, new(true, Note), Actor, cancellationToken), Ui.L("已决定入选。", "Selected."), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, decide.RunAsync(id, new(false, Note), Actor, cancellationToken), Ui.L("已决定不入选。", "Not selected."), cancellationToken);

    public Task<IActionResult> OnPostUpwardAsync(int id, bool approved, CancellationToken cancellationToken) =>
        StepAsync(id, upward.RunAsync(id, new(approved, DecidedOn, Number, Note), Actor, cancellationToken), Ui.L("上级结果已登记。", "The higher level's result is recorded."), cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Task<Result<ApplicationView>> running, string done, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await running).Problem, done, cancellationToken);

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await get.RunAsync(id, Actor, cancellationToken) is not { } application || await getCall.RunAsync(application.CallId, Actor, cancellationToken) is not { } call)
        {
            return false;
        }

        (Application, Call) = (application, call);
        ChainNodes = call.Programme == CallProgramme.Talent ? await registry.ChainNodesAsync(cancellationToken) : [];
        if (!keepInput)
        {
            ProjectTitle = application.ProjectTitle;
            Partners = string.Join("\n", application.Partners);
            Answers = application.Answers.ToDictionary(a => a.Key, a => (string?)a.Value);
            Candidate = new CandidateInput(application.Candidate?.Name, application.Candidate?.Position, application.Candidate?.Field, application.Candidate?.ChainNode);
            Note = null;
        }

        return true;
    }
}
