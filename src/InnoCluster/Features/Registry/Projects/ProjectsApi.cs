using System.Security.Claims;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Registry;

/// <summary>The investment-attraction (招商) pipeline: the office reads, creates and edits projects and records their stages. Negotiations are not public.</summary>
public static class ProjectsApi
{
    /// <summary>A page of the pipeline, how many match in all, and the totals by stage of the whole pipeline (of the 板块 and node asked).</summary>
    public sealed record Pipeline(IReadOnlyList<ListProjects.Item> Projects, int Total, int Page, int PageSize, IReadOnlyList<ListProjects.StageTotal> Totals);

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Investment projects").RequireAuthorization(Policies.Official);
        api.MapGet("/", async Task<Results<Ok<Pipeline>, ProblemHttpResult>> (string? stage, string? district, string? node, int? page, int? pageSize, ListProjects list, CancellationToken ct) =>
        {
            ProjectStage? parsed = null;
            if (!string.IsNullOrWhiteSpace(stage))
            {
                if (!InvestmentProject.TryParseStage(stage, out var value))
                {
                    return TypedResults.Problem("阶段应为 Contact、Contracted、Started、Producing 或 Dropped / stage: Contact, Contracted, Started, Producing or Dropped", statusCode: StatusCodes.Status400BadRequest);
                }

                parsed = value;
            }

            var filter = new ListProjects.Filter(parsed, district, node, Page: page ?? 1, PageSize: pageSize ?? ListProjects.DefaultPageSize);
            var found = await list.PageAsync(filter, ct);
            return TypedResults.Ok(new Pipeline(found.Items, found.Total, found.Page, found.PageSize, await list.TotalsAsync(filter, ct)));
        });
        api.MapGet("/targets", async (ListInvestmentTargets targets, CancellationToken ct) => TypedResults.Ok(await targets.RunAsync(ct)));
        api.MapGet("/{id:int}", async Task<Results<Ok<ListProjects.Item>, NotFound>> (int id, ListProjects list, CancellationToken ct) =>
            await list.RunAsync(new(), ct, id) is [var item] ? TypedResults.Ok(item) : TypedResults.NotFound());
        api.MapPost("/", async Task<Results<Created<ListProjects.Item>, ProblemHttpResult>> (SaveProject.Request body, SaveProject save, ListProjects list, CancellationToken ct) =>
            (await ReadAsync(await save.RunAsync(null, body, ct), list, ct)).ToCreated(item => $"/api/projects/{item.Id}"));
        api.MapPut("/{id:int}", async Task<Results<Ok<ListProjects.Item>, ProblemHttpResult>> (int id, SaveProject.Request body, SaveProject save, ListProjects list, CancellationToken ct) =>
            (await ReadAsync(await save.RunAsync(id, body, ct), list, ct)).ToOk(item => item));
        api.MapPost("/{id:int}/stages", async Task<Results<Ok<ListProjects.Item>, ProblemHttpResult>> (int id, RecordProjectStage.Request body, ClaimsPrincipal user, RecordProjectStage record, ListProjects list, CancellationToken ct) =>
            (await ReadAsync(await record.RunAsync(user, id, body, ct), list, ct)).ToOk(item => item));
        return app;
    }

    private static async Task<Result<ListProjects.Item>> ReadAsync(Result<int> saved, ListProjects list, CancellationToken ct) =>
        saved.Problem is { } problem ? problem : (await list.RunAsync(new(), ct, saved.Value)).Single();
}
