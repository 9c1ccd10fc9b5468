using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Loads data/seed/projects.json: the investment projects the source documents name, each stage with its
/// verbatim sentence. A year read from "今年" must be the document's own year, or loading stops naming the
/// project. Upserts by seed key; stages the office recorded since are kept.
/// </summary>
public sealed class ProjectSeedStep : ISeedStep
{
    public const string FileName = "projects.json";

    private const string ThisYear = "今年";

    public string Name => "investment-projects";

    public int Order => 12;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [SeedSources.FileName, FileName];

    private sealed record SeedStage(ProjectStage Stage, int Year, SeedQuote Source);

    private sealed record SeedProject(string Key, string Name, string? Place, string? ChainNode, List<SeedStage> Stages);

    private sealed record SeedData(List<SeedProject> Projects);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var sources = SeedSources.Load(context.Paths);
        var seed = SeedJson.Read<SeedData>(context.PathOf(FileName));
        var nodes = await db.Set<ChainNode>().ToDictionaryAsync(n => n.Code, n => n.Id, cancellationToken);
        var existing = await db.Set<InvestmentProject>().Include(p => p.Stages).Where(p => p.SeedKey != null).ToDictionaryAsync(p => p.SeedKey!, cancellationToken);
        foreach (var item in seed.Projects)
        {
            var where = $"{FileName}, {item.Key}";
            if (!existing.TryGetValue(item.Key, out var project))
            {
                project = new InvestmentProject { SeedKey = item.Key };
                db.Add(project);
            }

            project.Name = item.Name;
            project.Place = item.Place;
            project.ChainNodeId = item.ChainNode is null ? null
                : nodes.TryGetValue(item.ChainNode, out var nodeId) ? nodeId : throw new InvalidDataException($"{where}: no chain node {item.ChainNode}");
            foreach (var stage in item.Stages.Where(s => project.Stages.All(p => p.Stage != s.Stage)))
            {
                var cited = sources.Cite(stage.Source, context.Paths);
                var document = sources[stage.Source.Source];
                var note = (string?)null;
                if (stage.Source.Quote.Contains(ThisYear, StringComparison.Ordinal))
                {
                    if (document.Date?.Year != stage.Year)
                    {
                        throw new InvalidDataException($"{where}: the quote says {ThisYear} but the document is dated {document.Date:yyyy-MM-dd}, not {stage.Year}");
                    }

                    note = $"年份：原文“{ThisYear}”，文件日期为 {document.Date:yyyy-MM-dd}；具体日期未载明 / Year: the sentence says “this year” and the document is dated {document.Date:yyyy-MM-dd}; the day is not stated";
                }
                else if (!stage.Source.Quote.Contains(stage.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{where}: the quote does not state the year {stage.Year}");
                }

                project.Stages.Add(new ProjectStageRecord { Stage = stage.Stage, Year = stage.Year, Source = cited with { Note = note }, EnteredBy = "InnoCluster seed editors" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
