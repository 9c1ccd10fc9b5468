using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The scenario marketplace: demands (owners write, officials review and publish), solutions (vendors),
/// explained matching both ways with officials' pins and exclusions, the docking pipeline with its events,
/// the funnel dashboard and the case collection.
/// </summary>
public static class ScenariosFeature
{
    public static IServiceCollection AddScenarios(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MatchingOptions>(configuration.GetSection("Scenarios:Matching"));
        services.AddScoped<DemandImport>();
        services.AddScoped<DemandQueries>();
        services.AddScoped<DemandReview>();
        services.AddScoped<ScenarioLists>();
        services.AddScoped<ScenarioAuthoring>();
        services.AddScoped<MatchFinder>();
        services.AddScoped<MatchDecisions>();
        services.AddScoped<DockingEvents>();
        services.AddSingleton<TermStatistics>();
        services.AddScoped<DockingPipeline>();
        services.AddScoped<ScenarioFunnel>();
        services.AddScoped<SolutionQueries>();
        services.AddSingleton<DemandIndex>();
        services.AddSingleton<SolutionIndex>();
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<DemandIndex>());
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<SolutionIndex>());
        services.AddSingleton<ICliVerb, ImportDemandsVerb>();
        services.AddSingleton<InnoCluster.Infrastructure.Seeding.ISeedStep, ScenarioSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scenarios");
        api.MapGet("/demands", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/demands/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/demands/{id:int}/publish", PublishAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/scenario-lists", async (ScenarioLists lists, CancellationToken ct) => TypedResults.Ok(await lists.AllAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapPost("/demands/{id:int}/close", CloseAsync).RequireAuthorization(Policies.Official);

        api.MapGet("/scenarios", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/scenarios", CreateDemandAsync).RequireAuthorization(Policies.ScenarioAuthor);
        api.MapGet("/scenarios/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/scenarios/{id:int}", UpdateDemandAsync).RequireAuthorization(Policies.ScenarioAuthor);
        api.MapGet("/scenarios/{id:int}/attachments/{fileId:guid}", AttachmentAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/{id:int}/matches", DemandMatchesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/pin", (int id, string kind, int candidateId, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, kind, candidateId, MatchDecisionKind.Pinned, user, decisions, ct)).RequireAuthorization(Policies.Official);
        api.MapPost("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/exclude", (int id, string kind, int candidateId, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
            DecideAsync(id, kind, candidateId, MatchDecisionKind.Excluded, user, decisions, ct)).RequireAuthorization(Policies.Official);
        api.MapDelete("/scenarios/{id:int}/matches/{kind}/{candidateId:int}/decision", ClearDecisionAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/scenarios/funnel", async (ScenarioFunnel funnel, CancellationToken ct) => TypedResults.Ok(await funnel.DashboardAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/cases", async (ScenarioFunnel funnel, CancellationToken ct) => TypedResults.Ok(await funnel.CasesAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapGet("/scenarios/cases.xlsx", ExportCasesAsync).RequireAuthorization(Policies.Public);

        api.MapGet("/solutions", ListSolutionsAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapPost("/solutions", CreateSolutionAsync).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/solutions/{id:int}", GetSolutionAsync).RequireAuthorization(Policies.Public);
        api.MapPut("/solutions/{id:int}", UpdateSolutionAsync).RequireAuthorization(Policies.EnterpriseOrOfficial);
        api.MapGet("/solutions/{id:int}/matches", SolutionMatchesAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);

        api.MapPost("/dockings", ProposeAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/dockings/{id:int}", GetDockingAsync).RequireAuthorization(Policies.SignedIn);
        foreach (var stage in DockingRules.Forward.Skip(1).Append(DockingStage.Dropped))
        {
            api.MapPost($"/dockings/{{id:int}}/{stage.ToString().ToLowerInvariant()}", (int id, StepRequest? request, ClaimsPrincipal user, DockingPipeline pipeline, CancellationToken ct) =>
                MoveAsync(id, stage, request, user, pipeline, ct)).RequireAuthorization(Policies.SignedIn);
        }

        api.MapPost("/docking-events", CreateEventAsync).RequireAuthorization(Policies.Official);
        api.MapGet("/docking-events/{id:int}", async (int id, DockingEvents events, CancellationToken ct) =>
            await events.GetAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound()).RequireAuthorization(Policies.Official);
        api.MapPost("/docking-events/{id:int}/invitations", InviteAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/docking-events/{id:int}/meetings", MeetingAsync).RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>The person acting, named by their display name: records that others read never carry a sign-in e-mail.</summary>
    public static ScenarioActor Actor(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.DisplayNameOf(),
        user.IsInRole(Roles.Official),
        user.EnterpriseOf());

    private static ScenarioActor? OptionalActor(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? Actor(user) : null;

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    /// <summary>The sector, and the numbered scenario list (场景清单, "2025年第3批") when the demand is published in one.</summary>
    public sealed record PublishRequest(string? Sector, string? List);

    private static async Task<IResult> PublishAsync(int id, PublishRequest? request, ClaimsPrincipal user, DemandReview review, CancellationToken ct)
    {
        var (outcome, problem) = await review.PublishAsync(id, request?.Sector, ct, request?.List, Actor(user).Name);
        return outcome switch
        {
            DemandReview.Outcome.Done => TypedResults.NoContent(),
            DemandReview.Outcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sector"] = [problem!] }),
        };
    }

    private static async Task<IResult> CloseAsync(int id, DemandReview review, CancellationToken ct) =>
        await review.CloseAsync(id, ct) == DemandReview.Outcome.Done ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<Page<DemandQueries.Item>>> ListAsync(string? q, string? status, int? page, int? pageSize, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, status, page ?? 1, pageSize ?? 20, OptionalActor(user), ct));

    private static async Task<Results<Ok<DemandQueries.Details>, NotFound>> GetAsync(int id, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, OptionalActor(user), ct) is { } demand ? TypedResults.Ok(demand) : TypedResults.NotFound();

    /// <summary>An attachment of a demand, for whoever may read the demand; every download is audited.</summary>
    private static async Task<IResult> AttachmentAsync(int id, Guid fileId, HttpContext http, ClaimsPrincipal user, DemandQueries queries, InnoCluster.Infrastructure.Files.UploadStore store,
        InnoCluster.Infrastructure.Auditing.AuditTrail audit, CancellationToken ct)
    {
        if (await queries.GetAsync(id, OptionalActor(user), ct) is not { } demand || demand.Attachments.All(a => a.Id != fileId) || await store.OpenAsync(fileId, ct) is not { } opened)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("file-downloaded", "stored_files", fileId.ToString(), "ok", $"demand {id}: {opened.File.FileName}", ct);
        return InnoCluster.Infrastructure.Files.FileDownload.Result(http, opened.File, opened.Content);
    }

    private static async Task<IResult> CreateDemandAsync(ScenarioAuthoring.DemandInput input, ClaimsPrincipal user, ScenarioAuthoring authoring, CancellationToken ct)
    {
        var (saved, errors) = await authoring.CreateDemandAsync(input, Actor(user), ct);
        return saved is null ? Invalid(errors) : TypedResults.Created($"/api/scenarios/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateDemandAsync(int id, ScenarioAuthoring.DemandInput input, ClaimsPrincipal user, ScenarioAuthoring authoring, CancellationToken ct) =>
        Updated(await authoring.UpdateDemandAsync(id, input, Actor(user), ct));

    private static IResult Updated((ScenarioAuthoring.Access Access, IReadOnlyList<FieldError> Errors) outcome) => outcome.Access switch
    {
        ScenarioAuthoring.Access.NotFound => TypedResults.NotFound(),
        ScenarioAuthoring.Access.Forbidden => TypedResults.Forbid(),
        _ when outcome.Errors.Count > 0 => Invalid(outcome.Errors),
        _ => TypedResults.NoContent(),
    };

    private static async Task<IResult> DemandMatchesAsync(int id, int? take, ClaimsPrincipal user, DemandQueries queries, MatchFinder finder, CancellationToken ct)
    {
        // Matches are shown for the demands the reader may see: published ones, or their own drafts.
        if (await queries.GetAsync(id, OptionalActor(user), ct) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await finder.ForDemandAsync(id, take ?? 20, ct);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(user.IsInRole(Roles.Official) ? result : result with { Excluded = [] });
    }

    private static async Task<IResult> DecideAsync(int id, string kind, int candidateId, MatchDecisionKind decision, ClaimsPrincipal user, MatchDecisions decisions, CancellationToken ct) =>
        await decisions.DecideAsync(id, kind + ":" + candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture), decision, Actor(user), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<IResult> ClearDecisionAsync(int id, string kind, int candidateId, InnoClusterDbContext db, CancellationToken ct)
    {
        var key = kind == "solution" ? MatchCandidateKey.Solution(candidateId) : MatchCandidateKey.Enterprise(candidateId);
        return await db.Set<MatchDecision>().Where(d => d.DemandId == id && d.CandidateKey == key).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<IResult> ExportCasesAsync(ScenarioFunnel funnel, TimeProvider clock, CancellationToken ct)
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

    private static async Task<IResult> CreateSolutionAsync(ScenarioAuthoring.SolutionInput input, ClaimsPrincipal user, ScenarioAuthoring authoring, CancellationToken ct)
    {
        var (saved, errors) = await authoring.CreateSolutionAsync(input, Actor(user), ct);
        return saved is null ? Invalid(errors) : TypedResults.Created($"/api/solutions/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateSolutionAsync(int id, ScenarioAuthoring.SolutionInput input, ClaimsPrincipal user, ScenarioAuthoring authoring, CancellationToken ct) =>
        Updated(await authoring.UpdateSolutionAsync(id, input, Actor(user), ct));

    private static async Task<IResult> SolutionMatchesAsync(int id, int? take, MatchFinder finder, CancellationToken ct) =>
        await finder.ForSolutionAsync(id, take ?? 20, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    public sealed record StepRequest(string? Note, int? EventId);

    private static async Task<IResult> ProposeAsync(DockingPipeline.Proposal proposal, ClaimsPrincipal user, DockingPipeline pipeline, CancellationToken ct)
    {
        var (outcome, id, problem) = await pipeline.ProposeAsync(proposal, Actor(user), ct);
        return outcome switch
        {
            DockingPipeline.Outcome.Done => TypedResults.Created($"/api/dockings/{id}", new { id }),
            DockingPipeline.Outcome.NotFound => TypedResults.NotFound(),
            DockingPipeline.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "不能创建对接 (the pair cannot be proposed)"),
        };
    }

    private static async Task<IResult> MoveAsync(int id, DockingStage stage, StepRequest? request, ClaimsPrincipal user, DockingPipeline pipeline, CancellationToken ct)
    {
        var (outcome, problem) = await pipeline.MoveAsync(id, stage, request?.Note, request?.EventId, Actor(user), ct);
        return outcome switch
        {
            DockingPipeline.Outcome.Done => TypedResults.NoContent(),
            DockingPipeline.Outcome.NotFound => TypedResults.NotFound(),
            DockingPipeline.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "不允许的对接阶段变更 (illegal pipeline move)"),
        };
    }

    private static async Task<Results<Ok<DockingPipeline.View>, NotFound>> GetDockingAsync(int id, ClaimsPrincipal user, DockingPipeline pipeline, CancellationToken ct) =>
        await pipeline.GetAsync(id, Actor(user), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public sealed record InvitationRequest(List<int>? DemandIds, List<int>? EnterpriseIds);

    private static async Task<IResult> InviteAsync(int id, InvitationRequest request, ClaimsPrincipal user, DockingEvents events, InnoClusterDbContext db, CancellationToken ct)
    {
        if (!await db.Set<DockingEvent>().AnyAsync(e => e.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var errors = await events.InviteAsync(id, request.DemandIds ?? [], request.EnterpriseIds ?? [], Actor(user), ct);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.NoContent();
    }

    /// <summary>Who met whom at the event and what came of it.</summary>
    public sealed record MeetingRequest(int DemandId, int EnterpriseId, string? Outcome);

    private static async Task<IResult> MeetingAsync(int id, MeetingRequest request, ClaimsPrincipal user, DockingEvents events, CancellationToken ct)
    {
        var (outcome, problem) = await events.RecordMeetingAsync(id, request.DemandId, request.EnterpriseId, request.Outcome, Actor(user), ct);
        return outcome switch
        {
            DockingPipeline.Outcome.Done => TypedResults.NoContent(),
            DockingPipeline.Outcome.NotFound => TypedResults.NotFound(),
            DockingPipeline.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "不能记录这次对接 (the meeting cannot be recorded)"),
        };
    }

    public sealed record EventRequest(string? Title, DateOnly? Date, string? Place);

    private static async Task<IResult> CreateEventAsync(EventRequest request, ClaimsPrincipal user, DockingPipeline pipeline, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
        {
            errors.Add(new FieldError("title", "活动名称不能为空，且不超过 300 字 (required, at most 300 characters)"));
        }

        if (request.Date is null)
        {
            errors.Add(new FieldError("date", "请填写活动日期 (required)"));
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var id = await pipeline.CreateEventAsync(request.Title!, request.Date!.Value, request.Place, Actor(user), ct);
        return TypedResults.Created($"/api/docking-events/{id}", new { id });
    }
}

public sealed class ImportDemandsVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["import", "demands"];

    public string Usage => "import demands FILE [--dry-run]  technology/scenario demands as drafts; all-or-nothing, idempotent by id";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = command.Words.Skip(2).FirstOrDefault();
        if (file is null)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"ERROR {file}: 文件不存在 / no such file");
            return 1;
        }

        var dryRun = command.Flag("dry-run");
        var report = await services.GetRequiredService<DemandImport>().RunAsync(file, await File.ReadAllTextAsync(file, cancellationToken), dryRun, cancellationToken);
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"ERROR {Path.GetFileName(file)} line {error.Line}, {error.Field}: {error.Message}");
        }

        await output.WriteLineAsync(report.Errors.Count > 0
            ? $"Nothing imported: {report.Errors.Count} problem(s)."
            : $"{(dryRun ? "Dry run" : "Imported")}: {report.Lines} demands — {report.Created} new, {report.Updated} updated, {report.Unchanged} unchanged.");
        return report.Errors.Count > 0 ? 1 : 0;
    }
}
