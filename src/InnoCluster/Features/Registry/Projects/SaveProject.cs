using System.Globalization;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An official creates or edits an investment-attraction project: its name, investor (a registered firm by
/// number, or a name), where the investor comes from, the planned investment in 亿元, its chain node, 板块 or
/// other place, the responsible unit, and why the investor is sought. Without a stage yet it is a target (招商目标).
/// A project the source documents name keeps what they state. Audited.
/// </summary>
public sealed class SaveProject(InnoClusterDbContext db, AuditTrail audit)
{
    public sealed record Request(string? Name, string? Investor, int? InvestorEnterpriseId, string? InvestorFrom, decimal? Investment,
        string? ChainNode, string? District, string? Place, string? ResponsibleUnit, string? Reason = null);

    public async Task<Result<int>> RunAsync(int? id, Request request, CancellationToken cancellationToken)
    {
        var project = id is { } existing ? await db.Set<InvestmentProject>().SingleOrDefaultAsync(p => p.Id == existing, cancellationToken) : new InvestmentProject();
        if (project is null)
        {
            return Problem.NotFound();
        }

        var errors = new List<FieldError>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add(new("name", "请填写项目名称，不超过200字 / name: required, at most 200 characters"));
        }

        if (request.Reason is { Length: > 500 })
        {
            errors.Add(new("reason", "招引理由不超过500字 / reason: at most 500 characters"));
        }

        if (request.Investor is { Length: > 200 } || request.InvestorFrom is { Length: > 50 } || request.Place is { Length: > 50 } || request.ResponsibleUnit is { Length: > 100 })
        {
            errors.Add(new(request.Investor is { Length: > 200 } ? "investor" : request.InvestorFrom is { Length: > 50 } ? "investorFrom" : request.Place is { Length: > 50 } ? "place" : "responsibleUnit",
                "过长（投资方200字，来源地、落地地点50字，责任单位100字以内） / too long (investor 200, from and place 50, responsible unit 100 characters)"));
        }

        if (request.Investment is { } amount && (amount <= 0 || amount >= 100_000))
        {
            errors.Add(new("investment", "投资额以亿元计，应大于0、小于100000 / investment: in units of 100 million yuan, more than 0 and less than 100000"));
        }

        var investorName = string.IsNullOrWhiteSpace(request.Investor) ? null : request.Investor.Trim();
        if (request.InvestorEnterpriseId is { } firmId)
        {
            investorName = await db.Set<Enterprise>().Where(e => e.Id == firmId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken);
            if (investorName is null)
            {
                errors.Add(new("investorEnterpriseId", $"登记库中没有编号为 {firmId} 的企业 / no registered firm with id {firmId}"));
            }
        }

        var node = string.IsNullOrWhiteSpace(request.ChainNode) ? null : await db.Set<ChainNode>().SingleOrDefaultAsync(n => n.Code == request.ChainNode.Trim(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.ChainNode) && node is null)
        {
            errors.Add(new("chainNode", $"未知的产业链环节“{request.ChainNode}” / chainNode: a code from /api/chain"));
        }

        var district = string.IsNullOrWhiteSpace(request.District) ? null : await db.Set<District>().SingleOrDefaultAsync(d => d.Code == request.District.Trim(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.District) && district is null)
        {
            errors.Add(new("district", $"未知板块“{request.District}” / district: a code from /api/districts"));
        }

        if (project.SeedKey is not null && errors.Count == 0
            && (project.Name != name || project.ChainNodeId != node?.Id || project.Place != Blank(request.Place) || (project.Investor is not null && project.Investor != investorName)))
        {
            errors.Add(new("name", "此项目来自源文件：名称、落地地点、产业链环节和已载明的投资方以原文为准，不可修改 / from the source documents: name, place, chain node and a stated investor are as the sources state them"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        project.Name = name!;
        project.Investor = investorName;
        project.InvestorEnterpriseId = request.InvestorEnterpriseId;
        project.InvestorFrom = Blank(request.InvestorFrom);
        project.Investment = request.Investment;
        project.ChainNodeId = node?.Id;
        project.DistrictId = district?.Id;
        project.Place = Blank(request.Place);
        project.ResponsibleUnit = Blank(request.ResponsibleUnit);
        project.Reason = Blank(request.Reason);
        if (id is null)
        {
            db.Add(project);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(id is null ? "project-create" : "project-update", "investment-projects", project.Id.ToString(CultureInfo.InvariantCulture), "ok", project.Name, cancellationToken);
        return project.Id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
