using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Registry;

/// <summary>An official's workspace lists the firms' changes to their facts that wait for the office, oldest first.</summary>
public sealed class FactChangesWorkspaceSource(ListFactChanges changes) : IWorkspaceSource
{
    public const int Shown = 5;

    public int Order => 5;

    public async Task<WorkspaceSection?> SectionAsync(WorkspaceReader reader, CancellationToken cancellationToken)
    {
        if (!reader.User.IsInRole(Roles.Official))
        {
            return null;
        }

        var waiting = await changes.WaitingAsync(cancellationToken);
        var count = waiting.Count < ListFactChanges.Shown ? waiting.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{ListFactChanges.Shown}+";
        return new WorkspaceSection(
            "fact-changes-waiting",
            Ui.L($"待确认的企业数据（{count}）", $"Firm data to confirm ({count})"),
            [.. waiting.Take(Shown).Select(c => new WorkspaceEntry(c.EnterpriseName, string.Join(Ui.L("；", "; "), c.Changes), "/enterprises/fact-changes", Ui.L("待确认", "Waiting"), Reasons: [new(Ui.L("填报", "Filed by"), c.ProposedBy)]))],
            Ui.L("没有待确认的企业数据。", "Nothing is waiting."),
            "/enterprises/fact-changes");
    }
}
