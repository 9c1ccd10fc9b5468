using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Separation of duties (MLPS 三员分立, GB/T 22239-2019 8.1.4.2): the system, security and audit
/// administrators are three people — no account holds two of those roles; nobody changes their own roles
/// or second factor; and an administrator role is granted only when a second security administrator (or
/// the operator at the server's console) approves the request of the first.
/// </summary>
public static class RoleRules
{
    public static IReadOnlyList<string> Administrative { get; } = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];

    public static bool IsAdministrative(string role) => Administrative.Contains(role, StringComparer.Ordinal);

    /// <summary>Why these roles cannot be held by one account, or null when they can.</summary>
    public static string? WhyNotHeldTogether(IEnumerable<string> roles)
    {
        var admin = roles.Where(IsAdministrative).Distinct(StringComparer.Ordinal).ToList();
        return admin.Count > 1
            ? $"系统管理员、安全管理员、审计管理员须由不同的人担任，一个账号不能同时拥有 {string.Join("、", admin)} / the system, security and audit administrators must be different people: one account cannot hold {string.Join(" and ", admin)}"
            : null;
    }

    /// <summary>Why <paramref name="actorId"/> may not change <paramref name="targetId"/>'s roles or factors, or null.</summary>
    public static string? WhyNotActOn(string? actorId, string targetId) =>
        actorId is not null && string.Equals(actorId, targetId, StringComparison.Ordinal)
            ? "不能修改自己的角色或第二因素，请由另一位安全管理员办理 / you cannot change your own roles or second factor: another security administrator must"
            : null;

    /// <summary>The administrator roles this change would newly grant: they wait for a second administrator's approval.</summary>
    public static IReadOnlyList<string> NeedingApproval(IEnumerable<string> current, IEnumerable<string> requested) =>
        requested.Where(IsAdministrative).Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Why <paramref name="approverId"/> may not decide a request, or null.</summary>
    public static string? WhyNotDecide(string? approverId, RoleRequest request) =>
        approverId is null ? null
        : string.Equals(approverId, request.RequestedById, StringComparison.Ordinal) ? "申请人不能批准自己的申请 / the administrator who asked cannot approve it"
        : string.Equals(approverId, request.UserId, StringComparison.Ordinal) ? "不能批准授予自己的角色 / you cannot approve a role for yourself"
        : null;
}
