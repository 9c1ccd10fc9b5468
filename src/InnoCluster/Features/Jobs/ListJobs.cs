using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Jobs;

/// <summary>A person's latest jobs, newest first (admins may ask for everyone's).</summary>
public sealed class ListJobs(InnoClusterDbContext db, IEnumerable<IJobKind> kinds)
{
    public sealed record Item(long Id, string Kind, string Title, JobState State, int Done, int? Total, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string CreatedBy);

    public async Task<IReadOnlyList<Item>> RunAsync(ClaimsPrincipal user, bool everyone, CancellationToken cancellationToken)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = db.Set<BackgroundJob>().AsNoTracking();
        if (!(everyone && (user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.SecurityAdmin))))
        {
            query = query.Where(j => j.CreatedById == me);
        }

        var titles = kinds.ToDictionary(k => k.Name, k => k.Title, StringComparer.Ordinal);
        var rows = await query.OrderByDescending(j => j.Id).Take(100)
            .Select(j => new { j.Id, j.Kind, j.State, j.Done, j.Total, j.CreatedAt, j.FinishedAt, j.CreatedByName }).ToListAsync(cancellationToken);
        return [.. rows.Select(j => new Item(j.Id, j.Kind, titles.GetValueOrDefault(j.Kind, j.Kind), j.State, j.Done, j.Total, j.CreatedAt, j.FinishedAt, j.CreatedByName))];
    }
}
