using InnoCluster.Infrastructure.Search;
using System.Security.Claims;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCluster.Features.Jobs;

/// <summary>Background jobs: their state and results, and the reindex an operator starts.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Jobs");
        api.MapGet("/jobs", ListAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/jobs/{id:long}", GetAsync).RequireAuthorization(Policies.SignedIn);
        api.MapGet("/jobs/{id:long}/files/{fileId:long}", FileAsync).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/reindex", ReindexAsync).RequireAuthorization(Policies.SystemAdmin);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ListJobs.Item>>> ListAsync(bool? everyone, ClaimsPrincipal user, ListJobs list, CancellationToken ct) =>
        TypedResults.Ok(await list.RunAsync(user, everyone ?? false, ct));

    private static async Task<Results<Ok<GetJob.View>, NotFound>> GetAsync(long id, ClaimsPrincipal user, GetJob get, CancellationToken ct) =>
        await get.RunAsync(id, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(long id, long fileId, ClaimsPrincipal user, GetJob get, CancellationToken ct) =>
        await get.OutputAsync(id, fileId, user, ct) is { } file ? TypedResults.File(file.Content, file.ContentType, file.Name) : TypedResults.NotFound();

    private static async Task<Accepted<JobReference>> ReindexAsync(string? index, JobQueue queue, CancellationToken ct) =>
        JobReference.Accepted(await queue.EnqueueAsync(ReindexJob.KindName, new ReindexJob.Parameters(index), [], ct));
}
