using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>An official publishes a reviewed demand with its sector, in a numbered scenario list (场景清单) when one is named.</summary>
public sealed class PublishDemand(InnoClusterDbContext db, TimeProvider clock, Workspace.Announcements announcements)
{
    /// <summary>
    /// Publishes a demand, in a scenario list when one is named: the list is issued (numbered, dated today) by
    /// the first demand published into it.
    /// </summary>
    public async Task<Result> RunAsync(int id, string? sector, CancellationToken cancellationToken, string? list = null, string issuedBy = "official")
    {
        list = string.IsNullOrWhiteSpace(list) ? null : list.Trim();
        if (list is { Length: > 50 })
        {
            return Problem.Invalid("list", "场景清单名称不能超过 50 字 (list: at most 50 characters)");
        }

        if (sector is not null && !Sectors.All.Contains(sector))
        {
            return Problem.Invalid("sector", $"未知领域 \"{sector}\" (sector: one of {string.Join(", ", Sectors.All)})");
        }

        var demand = await db.Set<Demand>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return Problem.NotFound();
        }

        if (demand.Status == DemandStatus.Closed)
        {
            return Problem.Invalid("status", "需求已关闭，不能发布 (a closed demand cannot be published)");
        }

        demand.Sector = sector ?? demand.Sector;
        if (list is not null)
        {
            var issued = await db.Set<ScenarioList>().SingleOrDefaultAsync(l => l.Name == list, cancellationToken);
            if (issued is null)
            {
                var number = (await db.Set<ScenarioList>().MaxAsync(l => (int?)l.Number, cancellationToken) ?? 0) + 1;
                issued = new ScenarioList { Number = number, Name = list, IssuedOn = InnoCluster.Infrastructure.BeijingTime.Today(clock), IssuedBy = issuedBy };
                db.Add(issued);
                await db.SaveChangesAsync(cancellationToken);
            }

            demand.ListName = issued.Name;
            demand.ListId = issued.Id;
        }

        demand.Status = DemandStatus.Published;
        demand.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await announcements.AnnounceAsync("demand", demand.Id, 1, cancellationToken);
        return Result.Ok();
    }
}
