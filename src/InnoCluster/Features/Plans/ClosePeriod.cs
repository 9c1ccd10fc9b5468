using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official closes a reporting period of a plan: it takes no more reports, and an unfiled one counts as missed.</summary>
public sealed class ClosePeriod(InnoClusterDbContext db, TimeProvider clock)
{
    /// <summary>Closes a period of a plan; closing it again is harmless and keeps the first closing.</summary>
    public async Task<Result> RunAsync(int planId, string? periodText, string closedBy, CancellationToken cancellationToken)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Problem.NotFound("没有这个计划 / no such plan");
        }

        if (!ReportingCalendar.TryParse(periodText, out var period))
        {
            return Problem.Invalid("period", $"报告期“{periodText}”无法识别，请写成 2025-Q3 (period: YYYY-Qn)");
        }

        var key = period.ToString();
        if (!await db.Set<ReportingPeriodClosure>().AnyAsync(c => c.PlanId == planId && c.Period == key, cancellationToken))
        {
            db.Add(new ReportingPeriodClosure { PlanId = planId, Period = key, ClosedBy = closedBy, ClosedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Ok();
    }
}
