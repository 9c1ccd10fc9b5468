using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>Every version of a task's progress reports with the figures they reported.</summary>
public sealed class ListTaskReports(InnoClusterDbContext db)
{
    public sealed record FigureDto(int TargetId, string Target, decimal Value, string Unit);

    public sealed record ReportDto(int Id, string Period, int Version, string Unit, string Text, bool Late, DateTimeOffset FiledAt, string FiledBy, IReadOnlyList<Guid> Attachments, IReadOnlyList<FigureDto> Figures, bool Superseded);

    /// <summary>Every version of a task's reports, newest first; a version the same unit later filed for the same period supersedes it.</summary>
    public async Task<IReadOnlyList<ReportDto>> RunAsync(int taskId, CancellationToken cancellationToken)
    {
        var reports = await db.Set<TaskReport>().AsNoTracking().Where(r => r.TaskId == taskId).OrderByDescending(r => r.Period).ThenByDescending(r => r.Version).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var figures = await (from o in db.Set<IndicatorObservation>().AsNoTracking()
                             join t in db.Set<PlanTarget>().AsNoTracking() on o.TargetId equals t.Id
                             where o.ReportId != null && ids.Contains(o.ReportId.Value)
                             select new { ReportId = o.ReportId!.Value, t.Id, t.Name, o.Value, t.Unit }).ToListAsync(cancellationToken);
        var byReport = figures.ToLookup(f => f.ReportId);
        var latestVersion = reports.GroupBy(r => (r.Period, r.Unit)).ToDictionary(g => g.Key, g => g.Max(r => r.Version));
        return [.. reports.Select(r => new ReportDto(r.Id, r.Period, r.Version, r.Unit, r.Text, r.Late, r.FiledAt, r.FiledBy, r.Attachments,
            [.. byReport[r.Id].Select(f => new FigureDto(f.Id, f.Name, f.Value, f.Unit))], r.Version < latestVersion[(r.Period, r.Unit)]))];
    }
}
