using InnoCluster.Features.Calls.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calls;

/// <summary>A call's applications as the reader sees them (the office: all; a 板块: its firms'; an expert: theirs), as a workbook.</summary>
public sealed class ExportApplications(ListApplications list)
{
    public async Task<byte[]?> RunAsync(int callId, CallActor actor, CancellationToken cancellationToken) =>
        await list.RunAsync(callId, null, actor, cancellationToken) is not { } items ? null : await ListWorkbook.WriteAsync(
            items,
            a => new Dictionary<string, object?>
            {
                [Ui.L("编号", "Id")] = a.Id,
                [Ui.L("企业", "Enterprise")] = a.EnterpriseName,
                [Ui.L("申报项目", "Application")] = a.ProjectTitle,
                [Ui.L("状态", "Status")] = CallText.Status(a.Status),
                [Ui.L("提交时间（北京时间）", "Submitted (Beijing time)")] = a.SubmittedAt is { } at ? CallTime.Written(at) : null,
                [Ui.L("退回次数", "Returns")] = a.Returns,
            },
            Ui.L("申报", "Applications"),
            cancellationToken);
}
