using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// What calls have produced, for the plan's targets: a city round's selections once its result is published
/// (counted by the day it was published), and for rounds that recommend upward, the applications the higher
/// level approved (counted by the day it announced them). Recorded rounds, which had no applications on the
/// platform, count nothing.
/// </summary>
[FeatureContract]
public sealed class CallResults(InnoClusterDbContext db)
{
    public async Task<int> CountAsync(CallProgramme programme, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var selected = from a in db.Set<CallApplication>()
                       join c in db.Set<Call>() on a.CallId equals c.Id
                       where c.Programme == programme && c.Status == CallStatus.Decided && a.Status == ApplicationStatus.Selected
                       select new { a.UpwardApproved, a.UpwardDecidedOn, c.Kind, c.DecidedAt };
        var rows = await selected.ToListAsync(cancellationToken);
        var end = asOf is { } day ? InnoCluster.Infrastructure.BeijingTime.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) : (DateTimeOffset?)null;
        return rows.Count(r => r.Kind == CallKind.UpwardRecommendation
            ? r.UpwardApproved == true && (asOf is null || r.UpwardDecidedOn <= asOf)
            : end is null || r.DecidedAt < end);
    }
}
