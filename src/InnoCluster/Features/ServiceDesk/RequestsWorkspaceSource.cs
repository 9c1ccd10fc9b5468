using InnoCluster.Features.ServiceDesk.Pages;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The workspace's "my requests": a firm member sees the firm's requests to the desk, a responsible unit the
/// requests it handles that are still open, each with its status and the day it is due. The desk has its own board.
/// </summary>
public sealed class RequestsWorkspaceSource(ListAppeals appeals, TimeProvider clock) : IWorkspaceSource
{
    public const int Shown = 5;

    public int Order => 10;

    public async Task<WorkspaceSection?> SectionAsync(WorkspaceReader reader, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(reader.User, clock.GetUtcNow());
        if (actor.IsDesk || (actor.EnterpriseId is null && actor.Unit is null))
        {
            return null;
        }

        var forUnit = actor.EnterpriseId is null;
        var found = await appeals.RunAsync(new ListAppeals.Query(null, null, null, null, 1, 20), reader.User, cancellationToken);
        var entries = found.Items.Where(a => !forUnit || a.Status is not (AppealStatus.Resolved or AppealStatus.Closed)).Take(Shown)
            .Select(a => new WorkspaceEntry(a.Topic, a.EnterpriseName, $"/appeals/{a.Id}", AppealText.Status(a.Status), a.Status is AppealStatus.Resolved or AppealStatus.Closed ? null : a.CurrentDueAt, a.Overdue))
            .ToList();
        return forUnit
            ? new WorkspaceSection("unit-requests", Ui.L($"本单位承办的诉求（{actor.Unit}）", "Requests your unit handles"), entries, Ui.L("没有待办的诉求。", "No open request."), "/appeals")
            : new WorkspaceSection("my-requests", Ui.L("我的诉求", "My requests"), entries, Ui.L("贵企业还没有提交诉求。", "Your firm has filed no request."), "/appeals");
    }
}
