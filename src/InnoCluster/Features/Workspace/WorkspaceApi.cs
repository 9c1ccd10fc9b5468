using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Workspace;

/// <summary>The workspace: claiming a firm and managing its members, the notification centre, mail settings and the digest.</summary>
public static class WorkspaceApi
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Workspace");
        api.MapGet("/me/workspace", async Task<Results<Ok<GetWorkspace.Workspace>, NotFound>> (ClaimsPrincipal user, GetWorkspace get, CancellationToken ct) =>
            await get.RunAsync(user, ct) is { } workspace ? TypedResults.Ok(workspace) : TypedResults.NotFound()).RequireAuthorization(Policies.SignedIn);

        api.MapPost("/claims", ClaimAsync).RequireAuthorization(Policies.SignedIn).DisableAntiforgery().WithMetadata(new BodyLimitAttribute(BodyKind.Attachments));
        api.MapGet("/claims", async (ClaimStatus? status, ClaimsPrincipal user, ListClaims list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(user, status, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/claims/{id:int}", async Task<Results<Ok<ClaimView>, NotFound>> (int id, ClaimsPrincipal user, ClaimAccess access, CancellationToken ct) =>
            await access.FindAsync(user, id, ct) is { } found ? TypedResults.Ok(ClaimView.Of(found.Claim)) : TypedResults.NotFound()).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/claims/{id:int}/proof", ProofAsync).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/claims/{id:int}/approve", async Task<Results<Ok<ClaimView>, ProblemHttpResult>> (int id, DecideClaim.Request? body, ClaimsPrincipal user, DecideClaim decide, CancellationToken ct) =>
            (await decide.RunAsync(user, id, true, body ?? new(null), ct)).ToOk(view => view)).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/claims/{id:int}/reject", async Task<Results<Ok<ClaimView>, ProblemHttpResult>> (int id, DecideClaim.Request? body, ClaimsPrincipal user, DecideClaim decide, CancellationToken ct) =>
            (await decide.RunAsync(user, id, false, body ?? new(null), ct)).ToOk(view => view)).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/claims/{id:int}/withdraw", async Task<Results<Ok<ClaimView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, WithdrawClaim withdraw, CancellationToken ct) =>
            (await withdraw.RunAsync(user, id, ct)).ToOk(view => view)).RequireAuthorization(Policies.SignedIn);

        api.MapGet("/enterprises/{id:int}/members", async Task<Results<Ok<ListFirmMembers.Members>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ListFirmMembers list, CancellationToken ct) =>
            (await list.RunAsync(user, id, ct)).ToOk(members => members)).RequireAuthorization(Policies.SignedIn);
        api.MapDelete("/enterprises/{id:int}/members/{userId}", async Task<Results<NoContent, ProblemHttpResult>> (int id, string userId, ClaimsPrincipal user, RemoveFirmMember remove, CancellationToken ct) =>
            (await remove.RunAsync(user, id, userId, ct)).ToNoContent()).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/enterprises/{id:int}/members/{userId}/owner", async Task<Results<NoContent, ProblemHttpResult>> (int id, string userId, ClaimsPrincipal user, HandOverFirm handOver, CancellationToken ct) =>
            (await handOver.RunAsync(user, id, userId, ct)).ToNoContent()).RequireAuthorization(Policies.SignedIn);

        api.MapGet("/me/notifications", async (bool? unread, int? take, ClaimsPrincipal user, ListNotifications list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(user.UserId()!, unread ?? false, take ?? 50, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/me/notifications/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, ClaimsPrincipal user, MarkNotificationsRead mark, CancellationToken ct) =>
            (await mark.OneAsync(user.UserId()!, id, ct)).ToNoContent()).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/me/notifications/read-all", async (ClaimsPrincipal user, MarkNotificationsRead mark, CancellationToken ct) =>
            TypedResults.Ok(new { Marked = await mark.AllAsync(user.UserId()!, ct) })).RequireAuthorization(Policies.SignedIn);

        api.MapGet("/me/mail-settings", async (ClaimsPrincipal user, MailSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.GetAsync(user.UserId()!, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPut("/me/mail-settings", async Task<Results<Ok<MailSettings.View>, ProblemHttpResult>> (MailSettings.Request body, ClaimsPrincipal user, MailSettings settings, CancellationToken ct) =>
            (await settings.SetAsync(user.UserId()!, body, ct)).ToOk(view => view)).RequireAuthorization(Policies.SignedIn);

        api.MapGet("/me/subscriptions", async (ClaimsPrincipal user, ListFollowedSearches list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(user.UserId()!, ct))).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/me/subscriptions", async Task<Results<Created<FollowSearch.View>, ProblemHttpResult>> (FollowSearch.Request body, ClaimsPrincipal user, FollowSearch follow, CancellationToken ct) =>
            (await follow.RunAsync(user.UserId()!, body, ct)).ToCreated(view => "/api/me/subscriptions")).RequireAuthorization(Policies.SignedIn);
        api.MapDelete("/me/subscriptions/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, UnfollowSearch unfollow, CancellationToken ct) =>
            (await unfollow.RunAsync(user.UserId()!, id, ct)).ToNoContent()).RequireAuthorization(Policies.SignedIn);

        api.MapPost("/digests/send", async (JobQueue jobs, CancellationToken ct) =>
        {
            var job = await jobs.EnqueueAsync(DigestJob.KindName, new DigestJob.Parameters(OnDemand: true), [], ct);
            return TypedResults.Accepted($"/api/jobs/{job}", new { JobId = job });
        }).RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>A claim as a form: the credit code, a note, and the proof as the file field "proof" (not needed at the firm's own mail domain).</summary>
    private static async Task<Results<Created<ClaimView>, ProblemHttpResult>> ClaimAsync(
        [Microsoft.AspNetCore.Mvc.FromForm] string? creditCode, [Microsoft.AspNetCore.Mvc.FromForm] string? note, IFormFile? proof, ClaimsPrincipal user, ClaimProof proofs, ClaimFirm claim, CancellationToken ct)
    {
        var saved = await proofs.SaveAsync(user.UserId()!, proof, ct);
        if (saved.Problem is { } refused)
        {
            return refused.ToHttp();
        }

        return (await claim.RunAsync(user.UserId()!, new ClaimFirm.Request(creditCode, saved.Value, note), ct)).ToCreated(view => $"/api/claims/{view.Id}");
    }

    /// <summary>A claim's proof, for whoever may read the claim; every download is audited.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> ProofAsync(int id, HttpContext http, ClaimsPrincipal user, ClaimAccess access, UploadStore store, AuditTrail audit, CancellationToken ct)
    {
        if (await access.FindAsync(user, id, ct) is not { Claim.ProofFileId: { } fileId } || await store.OpenAsync(fileId, ct) is not { } opened)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("file-downloaded", "stored_files", fileId.ToString(), "ok", $"claim {id}: {opened.File.FileName}", ct);
        return FileDownload.Result(http, opened.File, opened.Content);
    }
}
