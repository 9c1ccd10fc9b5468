using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>An official records a carrier's stage (筹建, 建成, 认定/授牌, 撤销) with its day or year and its source (the rules are the carrier's). Audited.</summary>
public sealed class RecordCarrierStage(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(string? Stage, DateOnly? On, int? Year, string? Source, string? Quote, string? Locator);

    public async Task<Result<int>> RunAsync(ClaimsPrincipal official, int carrierId, Request request, CancellationToken cancellationToken)
    {
        if (await db.Set<Carrier>().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == carrierId, cancellationToken) is not { } carrier)
        {
            return Problem.NotFound();
        }

        if (!Enum.TryParse<CarrierStageKind>(request.Stage, ignoreCase: true, out var stage) || !Enum.IsDefined(stage))
        {
            return Problem.Invalid("stage", "阶段应为 Planning（筹建）、Built（建成）、Recognised（认定/授牌）或 Closed（撤销） / stage: Planning, Built, Recognised or Closed");
        }

        var today = BeijingTime.Today(clock);
        var source = StageSource.Read(request.Source, request.Quote, request.Locator, today, "通知、名单、报道");
        if (source.Problem is { } refused)
        {
            return refused;
        }

        if (carrier.RecordStage(stage, request.On, request.Year, source.Value!, official.FindFirstValue(ClaimTypes.Email) ?? "official", today) is { } problem)
        {
            return problem;
        }

        audit.Add("carrier-stage", "carriers", carrierId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"{stage} {request.On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? request.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return carrier.Id;
    }
}
