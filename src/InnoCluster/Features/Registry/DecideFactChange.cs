using System.Globalization;
using System.Security.Claims;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An official confirms a firm's proposed change to its facts — it then counts, and the firm is matched again —
/// or rejects it with a reason. The firm's members are told at once either way. Audited.
/// </summary>
public sealed class DecideFactChange(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock, Notifier notifier, Announcements announcements)
{
    public sealed record Request(string? Reason);

    public async Task<Result<FactChangeView>> RunAsync(ClaimsPrincipal official, int changeId, bool confirm, Request request, CancellationToken cancellationToken)
    {
        if (await db.Set<FactChange>().SingleOrDefaultAsync(c => c.Id == changeId, cancellationToken) is not { } change
            || await db.Set<Enterprise>().Include(e => e.Figures).SingleOrDefaultAsync(e => e.Id == change.EnterpriseId, cancellationToken) is not { } enterprise)
        {
            return Problem.NotFound();
        }

        var now = clock.GetUtcNow();
        if (change.Decide(confirm, official.FindFirstValue(ClaimTypes.Email) ?? official.Identity?.Name ?? "official", now, request.Reason) is { } problem)
        {
            return problem;
        }

        if (confirm)
        {
            change.ApplyTo(enterprise, BeijingTime.DayOf(now));
            enterprise.UpdatedAt = now;
        }

        audit.Add(confirm ? "facts-confirm" : "facts-reject", "enterprise_fact_changes", changeId.ToString(CultureInfo.InvariantCulture), "ok", change.Reason);
        await db.SaveChangesAsync(cancellationToken);
        var what = string.Join("；", change.Lines());
        await notifier.TellFirmsAsync(
            [(enterprise.Id, confirm
                ? new Notice($"facts:{change.Id}:decided", NoticeKind.Decision, "集群办已确认贵企业填报的数据", "The office confirmed the figures your firm filed", $"/enterprises/{enterprise.Id}/calculator", what, Urgent: true)
                : new Notice($"facts:{change.Id}:decided", NoticeKind.Decision, "贵企业填报的数据未被确认", "The figures your firm filed were not confirmed", $"/enterprises/{enterprise.Id}/calculator", $"{what}。理由 / Reason: {change.Reason}", Urgent: true))],
            cancellationToken);
        if (confirm)
        {
            await announcements.FirmChangedAsync(enterprise.Id, cancellationToken);
        }

        return FactChangeView.Of(change, enterprise.Name);
    }
}
