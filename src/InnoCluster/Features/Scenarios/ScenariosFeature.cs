using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The scenario marketplace — so far its demands: import (CLI), list and read. Solutions, matching,
/// docking and the funnel are the rest of the scenario issue.
/// </summary>
public static class ScenariosFeature
{
    public static IServiceCollection AddScenarios(this IServiceCollection services)
    {
        services.AddScoped<DemandImport>();
        services.AddScoped<DemandQueries>();
        services.AddScoped<DemandReview>();
        services.AddSingleton<ICliVerb, ImportDemandsVerb>();
        return services;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scenarios");
        api.MapGet("/demands", ListAsync).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Search);
        api.MapGet("/demands/{id:int}", GetAsync).RequireAuthorization(Policies.Public);
        api.MapPost("/demands/{id:int}/publish", PublishAsync).RequireAuthorization(Policies.Official);
        api.MapPost("/demands/{id:int}/close", CloseAsync).RequireAuthorization(Policies.Official);
        return app;
    }

    public sealed record PublishRequest(string? Sector);

    private static async Task<IResult> PublishAsync(int id, PublishRequest? request, DemandReview review, CancellationToken ct)
    {
        var (outcome, problem) = await review.PublishAsync(id, request?.Sector, ct);
        return outcome switch
        {
            DemandReview.Outcome.Done => TypedResults.NoContent(),
            DemandReview.Outcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sector"] = [problem!] }),
        };
    }

    private static async Task<IResult> CloseAsync(int id, DemandReview review, CancellationToken ct) =>
        await review.CloseAsync(id, ct) == DemandReview.Outcome.Done ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<Registry.Page<DemandQueries.Item>>> ListAsync(string? q, string? status, int? page, int? pageSize, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, status, page ?? 1, pageSize ?? 20, user.IsInRole(Roles.Official), ct));

    private static async Task<Results<Ok<DemandQueries.Details>, NotFound>> GetAsync(int id, ClaimsPrincipal user, DemandQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, user.IsInRole(Roles.Official), ct) is { } demand ? TypedResults.Ok(demand) : TypedResults.NotFound();
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
