using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>A firm's account starts its application (a draft) to a call that is upcoming or open; one per firm and call.</summary>
public sealed class StartApplication(InnoClusterDbContext db, CallRecords records, IRegistryDirectory registry, TimeProvider clock)
{
    public sealed record Request(string? ProjectTitle);

    public async Task<Result<ApplicationView>> RunAsync(int callId, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await records.VisibleCallAsync(callId, actor, cancellationToken) is not { } call)
        {
            return Problem.NotFound();
        }

        if (actor.EnterpriseId is not { } firm)
        {
            return Problem.Forbidden("请用企业账号申报 / apply with your firm's account");
        }

        if (call.PhaseAt(now) is not (CallPhase.Upcoming or CallPhase.Open))
        {
            return Problem.Conflict("本次征集不在申报期内 / the call is not taking applications");
        }

        if (await db.Set<CallApplication>().AnyAsync(a => a.CallId == callId && a.EnterpriseId == firm && a.Status != ApplicationStatus.Withdrawn, cancellationToken))
        {
            return Problem.Conflict("贵企业已有本次征集的申报 / your firm already has an application to this call");
        }

        if ((await registry.SketchesAsync([firm], cancellationToken)).GetValueOrDefault(firm) is not { } sketch)
        {
            return Problem.NotFound("企业不在登记库中 / the firm is not in the registry");
        }

        var application = new CallApplication
        {
            CallId = callId, EnterpriseId = firm, EnterpriseName = sketch.Name, DistrictId = sketch.DistrictId, ProjectTitle = (request.ProjectTitle ?? "").Trim(),
            Status = ApplicationStatus.Draft, CreatedById = actor.UserId, CreatedAt = now,
        };
        if (application.ProjectTitle.Length > 300)
        {
            return Problem.Invalid("projectTitle", "项目名称不超过300字 / at most 300 characters");
        }

        application.Record("start", actor, now, null);
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationView.Of(application, [], forExpert: false);
    }
}
