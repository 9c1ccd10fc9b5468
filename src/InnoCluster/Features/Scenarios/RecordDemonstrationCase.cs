using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A project another feature selected as a demonstration (a call's 示范项目 result) joins the case collection: a
/// published scenario under the project's title, with the selected firm as the one that delivered it, and a pair
/// that has landed and is a demonstration project, both steps dated by the selection and marked as recorded
/// afterwards. A selected project runs already, so it had landed by that day; when it landed, who owns the scenario,
/// its sector and place are not stated by a selection and stay empty. Recording the same selection again changes
/// nothing. It saves as it goes (the pair needs the scenario's id): a caller keeps it in its own transaction.
/// </summary>
[FeatureContract]
public sealed class RecordDemonstrationCase(InnoClusterDbContext db, DemandIndex index)
{
    /// <param name="Key">The selection's own key (one case per selected application), kept as the scenario's external id.</param>
    /// <param name="Statement">What the record says of the project, in the words the case will show.</param>
    public sealed record Selection(string Key, string ProjectTitle, string Statement, int EnterpriseId, Provenance Source, DateOnly SelectedOn, string By);

    /// <summary>The landed step's note (data, in the record's language, like the documents' cases' notes): the selection dates the landing only from above.</summary>
    public const string LandedOnSelection = "入选示范项目时已在运行；落地日期未载明，以入选之日计";

    /// <summary>Whether a case was added (false: this selection is in the collection already).</summary>
    public async Task<bool> RunAsync(Selection selection, CancellationToken cancellationToken)
    {
        if (await db.Set<Demand>().AnyAsync(d => d.ExternalId == selection.Key, cancellationToken))
        {
            return false;
        }

        // Days are kept as the seed's recorded steps keep them (midnight UTC), so counts "as of" a day see the case from that day on.
        var at = new DateTimeOffset(selection.SelectedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var demand = new Demand
        {
            ExternalId = selection.Key,
            Title = selection.ProjectTitle,
            Problem = selection.Statement,
            Status = DemandStatus.Published,
            Source = selection.Source,
            CreatedAt = at,
            UpdatedAt = at,
        };
        db.Add(demand);
        await db.SaveChangesAsync(cancellationToken);

        var docking = new Docking { DemandId = demand.Id, EnterpriseId = selection.EnterpriseId, Stage = DockingStage.Demonstration, CreatedAt = at, UpdatedAt = at };
        docking.Steps.Add(new DockingStep
        {
            Stage = DockingStage.Landed, At = at, By = selection.By, Recorded = true,
            Note = LandedOnSelection,
        });
        docking.Steps.Add(new DockingStep { Stage = DockingStage.Demonstration, At = at, By = selection.By, Recorded = true, Note = selection.Source.Source });
        db.Add(docking);
        await db.SaveChangesAsync(cancellationToken);
        await index.IndexAsync(db, [demand], cancellationToken, areNew: true);
        return true;
    }
}
