using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The office decides an application (selected or not) with its reason, by <see cref="DecisionRules"/>; audited.
/// A changed decision during the 公示 restarts it, so the new list is public for its full period.
/// </summary>
public sealed class DecideApplication(InnoClusterDbContext db, CallRecords records, ApplicationNotices notices, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(bool Selected, string? Reason);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!actor.IsOfficial || await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        var (application, call) = (loaded.Application, loaded.Call);
        var assignments = await db.Set<ReviewAssignment>().AsNoTracking().Include(r => r.Sheets).Where(r => r.ApplicationId == id).ToListAsync(cancellationToken);
        var selected = await db.Set<CallApplication>().CountAsync(a => a.CallId == call.Id && a.Id != id && a.Status == ApplicationStatus.Selected, cancellationToken);
        if (DecisionRules.WhyNot(call, application, assignments, selected, request.Selected, request.Reason, now) is { } problem)
        {
            return problem;
        }

        var before = application.Status;
        application.Decide(request.Selected, request.Reason!.Trim(), now, actor);
        if (before != application.Status)
        {
            call.ListChangedDuringPublicity(now);
        }

        await audit.RecordAsync("decide", "call_applications", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"{application.Status}: {application.DecisionReason}", cancellationToken);
        await notices.ChangedAsync(application, call, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
