using System.Globalization;
using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An enterprise (or an official for it) fills facts the registry lacks — a year's revenue, R&amp;D spend and
/// headcount, the founding date, the district — so the policy calculator can answer. A firm's change is
/// proposed and counts once an official confirms it (<see cref="DecideFactChange"/>), since eligibility follows
/// these facts; an official's counts at once. Each value is kept with a manual provenance naming the editor; a
/// figure from an import is never overwritten silently: changing it needs <see cref="Request.Replace"/>.
/// </summary>
[FeatureContract]
public sealed class UpdateEnterpriseFacts(InnoClusterDbContext db, TimeProvider clock, AuditTrail audit, Workspace.Announcements announcements)
{
    public sealed record Request(int? Year, decimal? Revenue, decimal? RdSpend, int? Employees, DateOnly? EstablishedOn, string? District, bool? Replace, int? PatentsGranted = null, int? PatentsValid = null);

    public async Task<Result<FactChangeView>> RunAsync(ClaimsPrincipal user, int id, Request request, CancellationToken cancellationToken)
    {
        if (!UpdateEnterpriseProfile.MayEdit(user, id))
        {
            return Problem.Forbidden(UpdateEnterpriseProfile.OnlyItselfEdits);
        }

        var problems = new Dictionary<string, string[]>();

        var today = BeijingTime.Today(clock);
        var hasFigure = request.Revenue is not null || request.RdSpend is not null || request.Employees is not null || request.PatentsGranted is not null || request.PatentsValid is not null;
        if (hasFigure && (request.Year is not { } y || y < 1950 || y > today.Year))
        {
            problems["year"] = [$"年度必填，1950–{today.Year} (year: required with figures, 1950-{today.Year})"];
        }

        if (request.Revenue is < 0 or > 10_000_000_000_000m)
        {
            problems["revenue"] = ["营业收入应为0至10万亿元之间的元金额 (revenue: 元, 0 to 1e13)"];
        }

        if (request.RdSpend is < 0 or > 10_000_000_000_000m)
        {
            problems["rdSpend"] = ["研发投入应为0至10万亿元之间的元金额 (rdSpend: 元, 0 to 1e13)"];
        }

        if (request.Employees is < 0 or > 2_000_000)
        {
            problems["employees"] = ["从业人数应在0至200万之间 (employees: 0 to 2,000,000)"];
        }

        if (request.PatentsGranted is < 0 or > 1_000_000)
        {
            problems["patentsGranted"] = ["授权专利数应在0至100万之间 (patentsGranted: 0 to 1,000,000)"];
        }

        if (request.PatentsValid is < 0 or > 1_000_000)
        {
            problems["patentsValid"] = ["有效专利数应在0至100万之间 (patentsValid: 0 to 1,000,000)"];
        }

        if (request.EstablishedOn is { } founded && (founded > today || founded.Year < 1800))
        {
            problems["establishedOn"] = [$"成立日期 {founded:yyyy-MM-dd} 不在合理范围 (establishedOn: 1800 to today)"];
        }

        var enterprise = await db.Set<Enterprise>().Include(e => e.Figures).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return Problem.NotFound();
        }

        District? district = null;
        if (!string.IsNullOrWhiteSpace(request.District))
        {
            var wanted = request.District.Trim();
            var candidates = (await db.Set<District>().ToListAsync(cancellationToken))
                .Where(d => d.Code == wanted || d.Name == wanted || d.Aliases.Contains(wanted)).ToList();
            if (candidates.Count == 0)
            {
                problems["district"] = [$"未知板块 \"{wanted}\" (district: a code or name from /api/districts)"];
            }
            else if (candidates.Count > 1)
            {
                problems["district"] = [$"板块“{wanted}”不唯一：{string.Join("、", candidates.Select(d => d.Name))}，请写全称 (ambiguous district: {string.Join(", ", candidates.Select(d => d.Code))})"];
            }
            else
            {
                district = candidates[0];
            }
        }

        var figure = request.Year is { } year ? enterprise.Figures.Find(f => f.Year == year) : null;
        if (figure?.Source?.Kind is ProvenanceKind.Import or ProvenanceKind.Document && request.Replace != true
            && ((request.Revenue is not null && figure.Revenue is not null && figure.Revenue != request.Revenue)
                || (request.RdSpend is not null && figure.RdSpend is not null && figure.RdSpend != request.RdSpend)
                || (request.Employees is not null && figure.Employees is not null && figure.Employees != request.Employees)
                || (request.PatentsGranted is not null && figure.PatentsGranted is not null && figure.PatentsGranted != request.PatentsGranted)
                || (request.PatentsValid is not null && figure.PatentsValid is not null && figure.PatentsValid != request.PatentsValid)))
        {
            problems["year"] = [$"{figure.Year}年数据来自 {figure.Source.Source}，修改须确认替换 (figures from {figure.Source.Source}: send replace=true to overwrite)"];
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        var change = new FactChange
        {
            EnterpriseId = id,
            Year = hasFigure ? request.Year : null,
            Revenue = request.Revenue,
            RdSpend = request.RdSpend,
            Employees = request.Employees,
            PatentsGranted = request.PatentsGranted,
            PatentsValid = request.PatentsValid,
            EstablishedOn = request.EstablishedOn,
            DistrictId = district?.Id,
            DistrictName = district?.Name,
            Replace = request.Replace == true,
            Status = RecordStatus.Proposed,
            ProposedById = user.UserId() ?? "",
            ProposedBy = user.FindFirstValue(ClaimTypes.Email) ?? "user",
            ProposedAt = clock.GetUtcNow(),
        };
        if (change.Lines().Count == 0)
        {
            return Problem.Invalid("year", "没有要修改的数据 / nothing to change");
        }

        db.Add(change);
        var confirmed = user.IsInRole(Roles.Official);
        if (confirmed)
        {
            change.Decide(confirm: true, change.ProposedBy, change.ProposedAt, null);
            change.ApplyTo(enterprise, today);
            enterprise.UpdatedAt = change.ProposedAt;
        }

        audit.Add(confirmed ? "facts-update" : "facts-propose", "enterprises", id.ToString(CultureInfo.InvariantCulture), "ok", string.Join("; ", change.Lines()));
        await db.SaveChangesAsync(cancellationToken);
        if (confirmed)
        {
            await announcements.FirmChangedAsync(id, cancellationToken);
        }

        return FactChangeView.Of(change, enterprise.Name);
    }
}
