using System.Security.Claims;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// Proposal handling (建议提案办理): the office registers, signs off, sends and publishes; the lead unit drafts
/// the reply; co-units give opinions; a commitment's unit reports its progress.
/// </summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/proposals").WithTags("Service desk");
        api.MapPost("", RegisterAsync).RequireAuthorization(Policies.Official);
        api.MapGet("", ListAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/export", async Task<FileContentHttpResult> ([AsParameters] ListProposals.Query query, ClaimsPrincipal user, ExportProposals export, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await export.RunAsync(query, user, ct), Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("建议提案", "proposals", clock.GetUtcNow())))
            .RequireAuthorization(Policies.SignedIn);
        api.MapGet("/{id:int}", GetAsync).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{id:int}/opinions", (int id, MoveProposal.OpinionRequest body, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.AddOpinionAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{id:int}/reply", (int id, MoveProposal.DraftRequest body, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.DraftAsync(id, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{id:int}/sign-off", (int id, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.SignOffAsync(id, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/{id:int}/send", (int id, SendProposalReply.Request body, ClaimsPrincipal user, SendProposalReply send, CancellationToken ct) => Ok(send.RunAsync(id, body, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/{id:int}/feedback", (int id, MoveProposal.FeedbackRequest body, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.RecordFeedbackAsync(id, body, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPut("/{id:int}/commitments/{number:int}", (int id, int number, MoveProposal.AssignRequest body, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.AssignCommitmentAsync(id, number, body, user, ct))).RequireAuthorization(Policies.Official);
        api.MapPost("/{id:int}/commitments/{number:int}/reports", (int id, int number, MoveProposal.ReportRequest body, ClaimsPrincipal user, MoveProposal move, CancellationToken ct) => Ok(move.ReportAsync(id, number, body, user, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/{id:int}/erase-contact", async Task<Results<NoContent, ProblemHttpResult>> (int id, EraseContact erase, CancellationToken ct) => (await erase.OfProposalAsync(id, ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        return app;
    }

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> Ok(Task<Infrastructure.UseCases.Result<ProposalView>> move) =>
        (await move).ToOk(view => view);

    private static async Task<Results<Created<ProposalView>, ProblemHttpResult>> RegisterAsync(RegisterProposal.Request request, ClaimsPrincipal user, RegisterProposal register, CancellationToken ct) =>
        (await register.RunAsync(request, user, ct)).ToCreated(view => $"/api/proposals/{view.Id}");

    private static async Task<Ok<ListProposals.Result>> ListAsync([AsParameters] ListProposals.Query query, ClaimsPrincipal user, ListProposals list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(query, user, ct));

    private static async Task<Results<Ok<ProposalView>, NotFound>> GetAsync(int id, ClaimsPrincipal user, GetProposal get, CancellationToken ct) =>
        await get.RunAsync(id, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
