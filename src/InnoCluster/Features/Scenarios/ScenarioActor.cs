using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Scenarios;

/// <summary>Who is acting: the account id and name, whether they are an official, and the enterprise an enterprise account acts for.</summary>
public sealed record ScenarioActor(string UserId, string Name, bool IsOfficial, int? EnterpriseId)
{
    /// <summary>The person acting, named by their display name: records that others read never carry a sign-in e-mail.</summary>
    public static ScenarioActor Of(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.UserId() ?? "", user.DisplayNameOf(), user.IsInRole(Roles.Official), user.EnterpriseOf());
}
