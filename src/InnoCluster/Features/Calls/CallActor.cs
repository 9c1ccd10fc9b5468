using System.Security.Claims;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calls;

/// <summary>Who acts on a call: the office, a 板块 or department (by its unit), a firm's account, or an expert.</summary>
public sealed record CallActor(string UserId, string Name, bool IsOfficial, string? Unit, int? EnterpriseId, bool IsExpert)
{
    public static CallActor Of(ClaimsPrincipal user) => new(
        user.UserId() ?? "", user.DisplayNameOf(), user.IsInRole(Roles.Official), user.IsInRole(Roles.Department) ? user.DepartmentOf() : null,
        user.EnterpriseOf(), user.IsInRole(Roles.Expert));

    public static readonly CallActor Anonymous = new("", "", false, null, null, false);
}
