using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Scenarios;

/// <summary>The marketplace's HTTP endpoints: thin, typed, each calling one use case; refusals are the use cases' problems.</summary>
public static class ScenariosApi
{
    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scenarios");
        api.MapGet("/demands", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/demands/export", async Task<FileContentHttpResult> (string? q, string? status, ClaimsPrincipal user, ExportDemands export, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await export.RunAsync(q, status, OptionalActor(user), ct), Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("场景需求", "demands", clock.GetUtcNow())))
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/demands/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/demands/{id:int}/publish", PublishAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/scenario-lists", async (ScenarioLists lists, CancellationToken ct) => TypedResults.Ok(await lists.AllAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapPost("/demands/{id:int}/close", async Task<Results<NoContent, ProblemHttpResult>> (int id, CloseDemand close, CancellationToken ct) =>
            (await close.RunAsync(id, ct)).ToNoContent()).RequireAuthorization(Policies.Official);

        api.MapGet("/scenarios", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/scenarios", CreateDemandAsync).RequireAuthorization(Policies.ScenarioAuthor);
        api.MapGet("/scenarios/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/scenarios/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, DemandInput input, ClaimsPrincipal user, UpdateDemand update, CancellationToken ct) =>
            (await update.RunAsync(id, input, ScenarioActor.Of(user), ct)).ToNoContent()).RequireAuthorization(Policies.ScenarioAuthor);
        api.MapGet("/scenarios/{id:int}/attachments/{fileId:guid}", AttachmentAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/{id:int}/dockings", DemandPairsAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/{id:int}/matches", DemandMatchesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/pin", (int id, string kind, int candidateId, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, kind, candidateId, MatchDecisionKind.Pinned, user, decisions, ct)).RequireAuthorization(Policies.Official);
        api.MapPost("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/exclude", (int id, string kind, int candidateId, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, kind, candidateId, MatchDecisionKind.Excluded, user, decisions, ct)).RequireAuthorization(Policies.Official);
        api.MapDelete("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/decision", async Task<Results<NoContent, NotFound>> (int id, string kind, int candidateId, MatchDecisions decisions, CancellationToken ct) =>
            await decisions.ClearAsync(id, kind, candidateId, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapGet("/scenarios/funnel", async (ScenarioFunnel funnel, CancellationToken ct) => TypedResults.Ok(await funnel.DashboardAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/cases", async (ScenarioFunnel funnel, CancellationToken ct) => TypedResults.Ok(await funnel.CasesAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/cases.xlsx", ExportCasesAsync).RequireAuthorization(Policies.Public);

        api.MapGet("/solutions", ListSolutionsAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/solutions/export", async Task<FileContentHttpResult> (string? q, int? enterpriseId, ExportSolutions export, TimeProvider clock, CancellationToken ct) =>
            TypedResults.File(await export.RunAsync(q, enterpriseId, ct), Infrastructure.Files.ListWorkbook.ContentType, Infrastructure.Files.ListWorkbook.FileName("解决方案", "solutions", clock.GetUtcNow())))
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/solutions", CreateSolutionAsync).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/solutions/{id:int}", GetSolutionAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/solutions/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, SolutionInput input, ClaimsPrincipal user, UpdateSolution update, CancellationToken ct) =>
            (await update.RunAsync(id, input, ScenarioActor.Of(user), ct)).ToNoContent()).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/solutions/{id:int}/matches", SolutionMatchesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);

        api.MapPost("/dockings", ProposeAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/dockings/{id:int}", GetDockingAsync).RequireAuthorization(Policies.SignedIn);
        foreach (var stage in DockingRules.Forward.Skip(1).Append(DockingStage.Dropped))
        {
            api.MapPost($"/dockings/{{id:int}}/{stage.ToString().ToLowerInvariant()}", async Task<Results<NoContent, ProblemHttpResult>> (int id, StepRequest? request, ClaimsPrincipal user, MoveDocking move, CancellationToken ct) =>
                (await move.RunAsync(id, stage, request?.Note, request?.EventId, ScenarioActor.Of(user), ct)).ToNoContent()).RequireAuthorization(Policies.SignedIn);
        }

        api.MapPost("/docking-events", CreateEventAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/docking-events/{id:int}", async Task<Results<Ok<GetDockingEvent.View>, NotFound>> (int id, GetDockingEvent dockingEvent, CancellationToken ct) =>
            await dockingEvent.RunAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPost("/docking-events/{id:int}/invitations", async Task<Results<NoContent, ProblemHttpResult>> (int id, InvitationRequest request, ClaimsPrincipal user, InviteToEvent invite, CancellationToken ct) =>
            (await invite.RunAsync(id, request.DemandIds ?? [], request.EnterpriseIds ?? [], ScenarioActor.Of(user), ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        api.MapPost("/docking-events/{id:int}/meetings", async Task<Results<NoContent, ProblemHttpResult>> (int id, MeetingRequest request, ClaimsPrincipal user, RecordMeeting meeting, CancellationToken ct) =>
            (await meeting.RunAsync(id, request.DemandId, request.EnterpriseId, request.Outcome, ScenarioActor.Of(user), ct)).ToNoContent()).RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>The sector, and the numbered scenario list (场景清单, "2025年第3批") when the demand is published in one.</summary>
    public sealed record PublishRequest(string? Sector, string? List);

    public sealed record StepRequest(string? Note, int? EventId);

    public sealed record InvitationRequest(List<int>? DemandIds, List<int>? EnterpriseIds);

    /// <summary>Who met whom at the event and what came of it.</summary>
    public sealed record MeetingRequest(int DemandId, int EnterpriseId, string? Outcome);

    public sealed record EventRequest(string? Title, DateOnly? Date, string? Place);

    public sealed record CreatedId(int Id);

    private static ScenarioActor? OptionalActor(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? ScenarioActor.Of(user) : null;

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(int id, PublishRequest? request, ClaimsPrincipal user, PublishDemand publish, CancellationToken ct) =>
        (await publish.RunAsync(id, request?.Sector, ct, request?.List, ScenarioActor.Of(user).Name)).ToNoContent();

    private static async Task<Ok<Page<DemandQueries.Item>>> ListAsync(string? q, string? status, int? page, int? pageSize, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, status, page ?? 1, pageSize ?? 20, OptionalActor(user), ct));

    private static async Task<Results<Ok<DemandQueries.Details>, NotFound>> GetAsync(int id, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, OptionalActor(user), ct) is { } demand ? TypedResults.Ok(demand) : TypedResults.NotFound();

    /// <summary>An attachment of a demand, for whoever may read the demand; every download is audited.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> AttachmentAsync(int id, Guid fileId, HttpContext http, ClaimsPrincipal user, DemandQueries queries, UploadStore store, AuditTrail audit, CancellationToken ct)
    {
        if (await queries.GetAsync(id, OptionalActor(user), ct) is not { } demand || demand.Attachments.All(a => a.Id != fileId) || await store.OpenAsync(fileId, ct) is not { } opened)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("file-downloaded", "stored_files", fileId.ToString(), "ok", $"demand {id}: {opened.File.FileName}", ct);
        return FileDownload.Result(http, opened.File, opened.Content);
    }

    private static async Task<Results<Created<Authored>, ProblemHttpResult>> CreateDemandAsync(DemandInput input, ClaimsPrincipal user, CreateDemand create, CancellationToken ct) =>
        (await create.RunAsync(input, ScenarioActor.Of(user), ct)).ToCreated(saved => $"/api/scenarios/{saved.Id}");

    private static async Task<Results<Created<Authored>, ProblemHttpResult>> CreateSolutionAsync(SolutionInput input, ClaimsPrincipal user, CreateSolution create, CancellationToken ct) =>
        (await create.RunAsync(input, ScenarioActor.Of(user), ct)).ToCreated(saved => $"/api/solutions/{saved.Id}");

    private static async Task<Results<Ok<IReadOnlyList<ListDemandPairs.Pair>>, NotFound>> DemandPairsAsync(int id, ClaimsPrincipal user, ListDemandPairs pairs, CancellationToken ct) =>
        await pairs.RunAsync(id, OptionalActor(user), ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<MatchFinder.Result>, NotFound>> DemandMatchesAsync(int id, int? take, ClaimsPrincipal user, DemandQueries queries, MatchFinder finder, CancellationToken ct)
    {
        // Matches are shown for the demands the reader may see: published ones, or their own drafts.
        if (await queries.GetAsync(id, OptionalActor(user), ct) is null || await finder.ForDemandAsync(id, take ?? 20, ct) is not { } result)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(user.IsInRole(Roles.Official) ? result : result with { Excluded = [] });
    }

    private static async Task<Results<NoContent, NotFound>> DecideAsync(int id, string kind, int candidateId, MatchDecisionKind decision, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
        await decisions.DecideAsync(id, kind + ":" + candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), decision, ScenarioActor.Of(user), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<FileStreamHttpResult> ExportCasesAsync(ScenarioFunnel funnel, TimeProvider clock, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await funnel.ExportCasesAsync(buffer, ct);
        buffer.Position = 0;
        return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"scenario-cases-{clock.GetUtcNow():yyyyMMdd}.xlsx");
    }

    private static async Task<Ok<Page<SolutionQueries.Item>>> ListSolutionsAsync(string? q, int? enterpriseId, int? page, int? pageSize, SolutionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, enterpriseId, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Results<Ok<SolutionQueries.Item>, NotFound>> GetSolutionAsync(int id, SolutionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } solution ? TypedResults.Ok(solution) : TypedResults.NotFound();

    private static async Task<Results<Ok<MatchFinder.Result>, NotFound>> SolutionMatchesAsync(int id, int? take, MatchFinder finder, CancellationToken ct) =>
        await finder.ForSolutionAsync(id, take ?? 20, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> ProposeAsync(ProposeDocking.Proposal proposal, ClaimsPrincipal user, ProposeDocking propose, CancellationToken ct)
    {
        var result = await propose.RunAsync(proposal, ScenarioActor.Of(user), ct);
        return result.Succeeded ? TypedResults.Created($"/api/dockings/{result.Value}", new CreatedId(result.Value)) : result.Problem!.ToHttp();
    }

    private static async Task<Results<Ok<GetDocking.View>, NotFound>> GetDockingAsync(int id, ClaimsPrincipal user, GetDocking docking, CancellationToken ct) =>
        await docking.RunAsync(id, ScenarioActor.Of(user), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> CreateEventAsync(EventRequest request, ClaimsPrincipal user, CreateDockingEvent create, CancellationToken ct)
    {
        var result = await create.RunAsync(request.Title, request.Date, request.Place, ScenarioActor.Of(user), ct);
        return result.Succeeded ? TypedResults.Created($"/api/docking-events/{result.Value}", new CreatedId(result.Value)) : result.Problem!.ToHttp();
    }
}
