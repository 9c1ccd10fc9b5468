using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A published demand is matched as the scenario list's matching does, and the vendors of the best-fitting
/// solutions are told, with the solution that fits; a vendor's own solutions are matched against every
/// published demand when its record changes. Only solutions count: a firm is told about a demand for what it
/// offers, not for what the registry says it does.
/// </summary>
public sealed class DemandPushSource(InnoClusterDbContext db, MatchFinder matches) : IPushSource
{
    /// <summary>The best matches told of a demand (the docking list the office works from is as long).</summary>
    public const int Told = 10;

    public string Topic => "demand";

    public async Task<IReadOnlyList<(int EnterpriseId, Notice Notice)>> NoticesAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.Set<Demand>().AnyAsync(d => d.Id == id && d.Status == DemandStatus.Published, cancellationToken)
            || await matches.ForDemandAsync(id, Told, cancellationToken) is not { } found)
        {
            return [];
        }

        return [.. found.Matches.Where(m => m.Kind == nameof(CandidateKind.Solution) && m.EnterpriseId is not null && m.Score > 0)
            .DistinctBy(m => m.EnterpriseId)
            .Select(m => (m.EnterpriseId!.Value, NoticeOf(found.SubjectId, found.SubjectTitle, m.Name)))];
    }

    public async Task<IReadOnlyList<Notice>> NoticesForFirmAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var notices = new List<Notice>();
        foreach (var solution in await db.Set<Solution>().AsNoTracking().Where(s => s.EnterpriseId == enterpriseId).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken))
        {
            if (await matches.ForSolutionAsync(solution.Id, Told, cancellationToken) is { } found)
            {
                notices.AddRange(found.Matches.Where(m => m.Kind == nameof(CandidateKind.Demand) && m.Score > 0).Select(m => NoticeOf(m.Id, m.Name, solution.Title)));
            }
        }

        return [.. notices.DistinctBy(n => n.Key)];
    }

    private static Notice NoticeOf(int demandId, string demandTitle, string solution) =>
        new($"demand:{demandId}", NoticeKind.Demand, $"场景需求「{demandTitle}」与贵企业的方案相符", $"The demand “{demandTitle}” fits your solution", $"/demands/{demandId}",
            $"相符的方案：{solution} / the fitting solution: {solution}");
}
