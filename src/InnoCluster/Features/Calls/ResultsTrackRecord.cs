using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The published results a firm was selected in, for its enterprise page: a city round's selection on the day the
/// result was published; for a round that recommends upward, the city's recommendation and, once the office records
/// it, the higher level's approval on the day it was announced.
/// </summary>
public sealed class ResultsTrackRecord(InnoClusterDbContext db) : IEnterpriseTrackRecord
{
    public async Task<IReadOnlyList<TrackRecordItem>> ForEnterpriseAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<CallApplication>().AsNoTracking()
                          where a.EnterpriseId == enterpriseId && a.Status == ApplicationStatus.Selected
                          join c in db.Set<Call>() on a.CallId equals c.Id
                          where c.Status == CallStatus.Decided
                          select new { c.Id, c.Title, c.Kind, c.Programme, c.DecidedAt, a.ProjectTitle, a.UpwardApproved, a.UpwardDecidedOn }).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r =>
            {
                var programme = (CallWords.Programme(r.Programme, english: false), CallWords.Programme(r.Programme, english: true));
                var (result, resultEn, on) = r.Kind != CallKind.UpwardRecommendation ? ("入选", "selected", Day(r.DecidedAt))
                    : r.UpwardApproved == true ? ("获上级批准", "approved by the higher level", r.UpwardDecidedOn)
                    : ("推荐上报", "recommended upward", Day(r.DecidedAt));
                return new TrackRecordItem($"{programme.Item1} · {result}", $"{programme.Item2} · {resultEn}", r.ProjectTitle, r.Title, on, $"/calls/{r.Id}");
            })
            .OrderByDescending(i => i.On)];
    }

    private static DateOnly? Day(DateTimeOffset? at) => at is { } moment ? BeijingTime.DayOf(moment) : null;
}
