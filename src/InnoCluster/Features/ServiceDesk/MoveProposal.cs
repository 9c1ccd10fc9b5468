using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// Moves a proposal one step (a co-unit's opinion, the drafted reply, the sign-off, the proposer's feedback,
/// a commitment's unit and deadline, a progress report): the rules are on <see cref="Proposal"/> and
/// <see cref="ProposalCommitment"/>; a proposal the person may not see is not found.
/// </summary>
public sealed class MoveProposal(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public sealed record OpinionRequest(string? Text);

    public sealed record CommitmentInput(string? Title, string? Text, string? Unit, DateOnly? DueOn);

    public sealed record DraftRequest(string? Text, ProposalOutcome? Outcome, IReadOnlyList<CommitmentInput>? Commitments, string? ContactName, string? ContactPhone);

    public sealed record FeedbackRequest(Satisfaction? Satisfaction, DateOnly? MetOn, string? Note);

    public sealed record AssignRequest(string? Unit, DateOnly? DueOn);

    public sealed record ReportRequest(string? Text, bool Done);

    public Task<Result<ProposalView>> AddOpinionAsync(int id, OpinionRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => p.AddOpinion(request.Text, actor), ct);

    public Task<Result<ProposalView>> DraftAsync(int id, DraftRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => ReadDraft(request, out var commitments) is { } problem ? problem
            : p.Draft(request.Text!.Trim(), request.Outcome!.Value, commitments, personal.Protect(request.ContactName), personal.Protect(request.ContactPhone), actor), ct);

    public Task<Result<ProposalView>> SignOffAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => p.SignOff(actor), ct);

    public Task<Result<ProposalView>> RecordFeedbackAsync(int id, FeedbackRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => p.RecordFeedback(request.Satisfaction, request.MetOn, request.Note, actor), ct);

    public Task<Result<ProposalView>> AssignCommitmentAsync(int id, int number, AssignRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => CommitmentOf(p, number) is { } c ? c.Assign(request.Unit, request.DueOn, actor) : Problem.NotFound("没有这项承诺 / no such commitment"), ct);

    public Task<Result<ProposalView>> ReportAsync(int id, int number, ReportRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (p, actor) => CommitmentOf(p, number) is { } c ? c.Report(request.Text, request.Done, actor) : Problem.NotFound("没有这项承诺 / no such commitment"), ct);

    /// <summary>The draft's text, class and commitments, each problem named by its field (commitments[1].title).</summary>
    private static Problem? ReadDraft(DraftRequest request, out List<ProposalCommitment> commitments)
    {
        commitments = [];
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > 20000)
        {
            errors.Add(new("text", "请填写答复正文（20000字以内） / the reply, at most 20000 characters"));
        }

        if (request.Outcome is null)
        {
            errors.Add(new("outcome", "请选择办理结果类别 A/B/C / choose the outcome class A, B or C"));
        }

        var inputs = request.Commitments ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200)
            {
                errors.Add(new($"commitments[{i}].title", "请写明承诺事项（200字以内） / the commitment's title, at most 200 characters"));
            }

            if (input.Text is { Length: > ProposalCommitment.MaxText })
            {
                errors.Add(new($"commitments[{i}].text", $"承诺内容不能超过{ProposalCommitment.MaxText}字 / at most {ProposalCommitment.MaxText} characters"));
            }

            if (input.Unit is { Length: > 100 })
            {
                errors.Add(new($"commitments[{i}].unit", "单位名称过长 / the unit's name is too long"));
            }

            commitments.Add(new ProposalCommitment
            {
                Number = i + 1,
                Title = input.Title?.Trim() ?? "",
                Text = input.Text?.Trim() ?? "",
                Unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim(),
                DueOn = input.DueOn,
            });
        }

        return errors.Count > 0 ? Problem.Fields(errors) : null;
    }

    private static ProposalCommitment? CommitmentOf(Proposal proposal, int number) => proposal.Commitments.SingleOrDefault(c => c.Number == number);

    private async Task<Result<ProposalView>> RunAsync(int id, ClaimsPrincipal user, Func<Proposal, AppealActor, Problem?> move, CancellationToken ct)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var proposal = await ProposalQueries.WithParts(db).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !proposal.IsVisibleTo(actor))
        {
            return Problem.NotFound("没有这件建议提案 / no such proposal");
        }

        if (move(proposal, actor) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return ProposalView.Of(proposal, actor, personal);
    }
}
