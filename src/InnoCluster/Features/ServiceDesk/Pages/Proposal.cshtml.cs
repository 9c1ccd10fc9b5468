using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>One proposal: its reply's way from draft to publication, the proposer's feedback, and its commitments with their reports.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProposalModel(GetProposal get, MoveProposal move, SendProposalReply send, EraseContact erase, TimeProvider clock) : PageModel
{
    public ProposalView Proposal { get; private set; } = null!;

    public string? Problem { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public AppealActor Reader => AppealActor.Of(User, clock.GetUtcNow());

    public bool IsLeadUnit => Reader.IsDesk || Reader.Unit == Proposal.LeadUnit;

    public bool IsCoUnit => Reader.IsDesk || (Reader.Unit is { } unit && Proposal.CoUnits.Contains(unit));

    public bool MayReportOn(ProposalView.Commitment commitment) => Reader.IsDesk || (Reader.Unit is { } unit && unit == commitment.Unit);

    public sealed class CommitmentRow
    {
        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Unit { get; set; }

        public DateOnly? DueOn { get; set; }
    }

    /// <summary>The draft's commitments as rows: those drafted so far and two empty rows to add more.</summary>
    public IReadOnlyList<CommitmentRow> DraftRows =>
        [.. Proposal.Commitments.Select(c => new CommitmentRow { Title = c.Title, Text = c.Text, Unit = c.Unit, DueOn = c.DueOn }), new CommitmentRow(), new CommitmentRow()];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpinionAsync(int id, string? text, CancellationToken ct) => AfterAsync(id, move.AddOpinionAsync(id, new(text), User, ct), ct);

    public Task<IActionResult> OnPostDraftAsync(int id, string? text, ProposalOutcome? outcome, List<CommitmentRow>? commitments, string? contactName, string? contactPhone, CancellationToken ct)
    {
        var rows = (commitments ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => new MoveProposal.CommitmentInput(r.Title, r.Text, r.Unit, r.DueOn)).ToList();
        return AfterAsync(id, move.DraftAsync(id, new(text, outcome, rows, contactName, contactPhone), User, ct), ct);
    }

    public Task<IActionResult> OnPostSignOffAsync(int id, CancellationToken ct) => AfterAsync(id, move.SignOffAsync(id, User, ct), ct);

    public Task<IActionResult> OnPostSendAsync(int id, DateOnly? repliedOn, DisclosureMode? disclosure, string? disclosureIndex, string? publisher, DateOnly? publishedOn, CancellationToken ct) =>
        AfterAsync(id, send.RunAsync(id, new(repliedOn, disclosure, disclosureIndex, publisher, publishedOn), User, ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(int id, Satisfaction? satisfaction, DateOnly? metOn, string? note, CancellationToken ct) =>
        AfterAsync(id, move.RecordFeedbackAsync(id, new(satisfaction, metOn, note), User, ct), ct);

    public Task<IActionResult> OnPostAssignAsync(int id, int number, string? unit, DateOnly? dueOn, CancellationToken ct) =>
        AfterAsync(id, move.AssignCommitmentAsync(id, number, new(unit, dueOn), User, ct), ct);

    public Task<IActionResult> OnPostReportAsync(int id, int number, string? text, bool done, CancellationToken ct) =>
        AfterAsync(id, move.ReportAsync(id, number, new(text, done), User, ct), ct);

    public async Task<IActionResult> OnPostEraseContactAsync(int id, CancellationToken ct)
    {
        if (!Reader.IsDesk)
        {
            return Forbid();
        }

        await erase.OfProposalAsync(id, ct);
        return Redirect($"/proposals/{id}");
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task<IActionResult> AfterAsync(int id, Task<Result<ProposalView>> moving, CancellationToken ct)
    {
        var moved = await moving;
        if (moved.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/proposals/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await get.RunAsync(id, User, ct) is not { } proposal)
        {
            return false;
        }

        Proposal = proposal;
        return true;
    }
}
