using System.Security.Claims;
using InnoCluster.Features.Calculator.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Calculator;

/// <summary>The clause list as the reader sees it (the public: confirmed clauses), with the same filters, as a workbook with a link to each.</summary>
public sealed class ExportClauses(ClauseQueries queries, IOptions<SiteOptions> site)
{
    public async Task<byte[]> RunAsync(string? q, int? documentId, string? status, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var clauses = await queries.ListAsync(q, documentId, status, user.IsInRole(Roles.Official), cancellationToken);
        return await ListWorkbook.WriteAsync(
            clauses,
            c => new Dictionary<string, object?>
            {
                [Ui.L("条款", "Clause")] = c.Title,
                [Ui.L("支持方式", "Support")] = c.MethodLabel,
                [Ui.L("支持内容", "What it gives")] = c.Support,
                [Ui.L("适用条件", "Conditions")] = string.Join(Ui.L("；", "; "), c.Conditions.Select(x => x.Description)),
                [Ui.L("对象", "For")] = c.Beneficiary,
                [Ui.L("生效", "Valid from")] = c.ValidFrom is { } from ? Ui.Date(from) : null,
                [Ui.L("截止", "Valid to")] = c.ValidTo is { } to ? Ui.Date(to) : null,
                [Ui.L("责任单位", "Responsible unit")] = c.ResponsibleUnit,
                [Ui.L("出处", "Source")] = c.DocumentTitle,
                [Ui.L("状态", "Status")] = ClausesModel.StatusText(c.Status),
                [Ui.L("链接", "Link")] = site.Value.Link($"/clauses/{c.Id}"),
            },
            Ui.L("政策条款", "Clauses"),
            cancellationToken);
    }
}
