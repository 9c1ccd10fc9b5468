using System.Security.Claims;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Plans;

/// <summary>Who files a report: an official for any responsible unit, a department's account for its own unit only.</summary>
public sealed record Reporter(string UserId, string Name, bool IsOfficial, string? Department)
{
    public static Reporter Of(ClaimsPrincipal user) =>
        new(user.UserId() ?? "", user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user", user.IsInRole(Roles.Official), user.DepartmentOf());

    /// <summary>An official sees and reports on every task; a department only on the tasks its unit reports on (a 板块 on those of the collective).</summary>
    public bool MayReportOn(IReadOnlyList<string> reportingUnits, ReportingUnits units) => IsOfficial || units.UnitOf(Department, reportingUnits) is not null;
}
