using System.Globalization;
using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>An official records a project's stage (接洽, 签约, 开工, 投产, 终止) with its day or year and its source; the rules are the project's. Audited.</summary>
public sealed class RecordProjectStage(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(string? Stage, DateOnly? On, int? Year, string? Source, string? Quote, string? Locator);

    public async Task<Result<int>> RunAsync(ClaimsPrincipal official, int projectId, Request request, CancellationToken cancellationToken)
    {
        if (await db.Set<InvestmentProject>().Include(p => p.Stages).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken) is not { } project)
        {
            return Problem.NotFound();
        }

        if (!InvestmentProject.TryParseStage(request.Stage, out var stage))
        {
            return Problem.Invalid("stage", "阶段应为 Contact（接洽）、Contracted（签约）、Started（开工）、Producing（投产）或 Dropped（终止） / stage: Contact, Contracted, Started, Producing or Dropped");
        }

        var today = BeijingTime.Today(clock);
        var source = StageSource.Read(request.Source, request.Quote, request.Locator, today, "协议、会议纪要、报道");
        if (source.Problem is { } refused)
        {
            return refused;
        }

        if (project.RecordStage(stage, request.On, request.Year, source.Value!, official.FindFirstValue(ClaimTypes.Email) ?? "official", today) is { } problem)
        {
            return problem;
        }

        audit.Add("project-stage", "investment-projects", projectId.ToString(CultureInfo.InvariantCulture), "ok", $"{stage} {request.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? request.Year?.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }
}
