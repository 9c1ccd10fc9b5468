using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>A 板块 recommends (or does not) its firms' applications that passed 形式审查, within its quota in the call.</summary>
public sealed class RecommendApplication(InnoClusterDbContext db, CallRecords records, ApplicationNotices notices, TimeProvider clock)
{
    public sealed record Request(bool Recommend, string? Reason);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        var application = loaded.Application;
        if (actor.Unit is null || application.DistrictId is not { } district || district != await records.DistrictOfAsync(actor, cancellationToken))
        {
            return Problem.Forbidden("只有申报企业所在板块可以推荐 / only the firm's 板块 recommends");
        }

        if ((request.Reason ?? "").Length > 2000)
        {
            return Problem.Invalid("reason", "理由不超过2000字 / at most 2000 characters");
        }

        var recommended = await db.Set<CallApplication>().CountAsync(a => a.CallId == application.CallId && a.DistrictId == district && a.Status == ApplicationStatus.Recommended, cancellationToken);
        if (application.Recommend(loaded.Call, request.Recommend, request.Reason?.Trim(), recommended, clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await notices.ChangedAsync(application, loaded.Call, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
