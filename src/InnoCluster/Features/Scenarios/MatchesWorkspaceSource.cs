using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The workspace's "my matches": for each of the firm's solutions the published demands it could answer, and for
/// each demand the reader owns the solutions that fit it — matched as the demand page matches, with the reasons.
/// </summary>
public sealed class MatchesWorkspaceSource(InnoClusterDbContext db, MatchFinder matches) : IWorkspaceSource
{
    /// <summary>Solutions and demands looked at, and matches shown for each.</summary>
    public const int Subjects = 5;

    public const int PerSubject = 3;

    public int Order => 20;

    public async Task<WorkspaceSection?> SectionAsync(WorkspaceReader reader, CancellationToken cancellationToken)
    {
        var solutions = reader.EnterpriseId is { } firm
            ? await db.Set<Solution>().AsNoTracking().Where(s => s.EnterpriseId == firm).OrderByDescending(s => s.UpdatedAt).Select(s => new { s.Id, s.Title }).Take(Subjects).ToListAsync(cancellationToken)
            : [];
        var demands = await db.Set<Demand>().AsNoTracking().Where(d => d.OwnerUserId == reader.UserId && d.Status == DemandStatus.Published)
            .OrderByDescending(d => d.UpdatedAt).Select(d => new { d.Id, d.Title }).Take(Subjects).ToListAsync(cancellationToken);
        if (reader.EnterpriseId is null && demands.Count == 0)
        {
            return null;
        }

        var entries = new List<WorkspaceEntry>();
        foreach (var solution in solutions)
        {
            if (await matches.ForSolutionAsync(solution.Id, PerSubject, cancellationToken) is { } found)
            {
                entries.AddRange(found.Matches.Where(m => m.Kind == nameof(CandidateKind.Demand) && m.Score > 0)
                    .Select(m => Entry(m.Name, solution.Title, $"/demands/{m.Id}", Ui.L("需求，与您的方案相符", "A demand fitting your solution"), m)));
            }
        }

        foreach (var demand in demands)
        {
            if (await matches.ForDemandAsync(demand.Id, PerSubject, cancellationToken) is { } found)
            {
                entries.AddRange(found.Matches.Where(m => m.Kind == nameof(CandidateKind.Solution) && m.Score > 0)
                    .Select(m => Entry(m.Name, demand.Title, $"/demands/{demand.Id}", Ui.L("方案，与您的需求相符", "A solution fitting your demand"), m)));
            }
        }

        return new WorkspaceSection("my-matches", Ui.L("我的匹配", "My matches"), entries,
            Ui.L("暂无匹配。发布方案或场景需求后，相符的需求与方案会列在这里。", "No match yet. Once you publish a solution or a demand, what fits it is listed here."), "/solutions");
    }

    private static WorkspaceEntry Entry(string title, string against, string link, string state, MatchFinder.Match m)
    {
        var reasons = new List<WorkspaceReason>();
        if (m.Reasons.SharedCapabilities.Count > 0)
        {
            reasons.Add(new(Ui.L("具备所需能力", "Has the capabilities"), string.Join("、", m.Reasons.SharedCapabilities)));
        }

        if (m.Reasons.SharedTerms.Count > 0)
        {
            reasons.Add(new(Ui.L("共同关键词", "Shared words"), string.Join("、", m.Reasons.SharedTerms.Take(8))));
        }

        foreach (var concept in m.Reasons.SharedConcepts)
        {
            reasons.Add(new(Ui.L($"概念关联（{concept.Concept}）", $"Linked by concept ({concept.ConceptEn})"), $"{concept.SubjectSays} → {concept.CandidateSays}"));
        }

        if (m.ChainNodeNames.Count > 0)
        {
            reasons.Add(new(Ui.L("产业链节点", "Chain nodes"), string.Join(Ui.L("、", ", "), m.ChainNodeNames.Select(n => Ui.L(n.Name, n.NameEn)))));
        }

        if (m.Reasons.SameSector)
        {
            reasons.Add(new(Ui.L("同一领域", "Same sector")));
        }

        if (m.Reasons.SameDistrict)
        {
            reasons.Add(new(Ui.L("同一板块", "Same district")));
        }

        return new WorkspaceEntry(title, against, link, state, Reasons: reasons);
    }
}
