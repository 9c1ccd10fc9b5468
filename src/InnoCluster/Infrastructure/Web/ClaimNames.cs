using System.Security.Claims;

namespace InnoCluster.Infrastructure.Web;

/// <summary>The claims a signed-in person's principal carries beside the standard ones, read the same way everywhere.</summary>
public static class ClaimNames
{
    public const string DisplayName = "display_name";

    /// <summary>For an Enterprise account: the one enterprise it acts for.</summary>
    public const string EnterpriseId = "enterprise_id";

    /// <summary>For a Department account: its responsible unit (责任单位).</summary>
    public const string Department = "department";

    public const string PasswordExpired = "password_expired";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayNameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : "user";

    /// <summary>The enterprise an Enterprise account acts for; null for every other account.</summary>
    public static int? EnterpriseOf(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Enterprise) && int.TryParse(user.FindFirstValue(EnterpriseId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? DepartmentOf(this ClaimsPrincipal user) => user.FindFirstValue(Department)?.Trim();
}
