namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// The authorization policies every endpoint and page declares. The allow/deny table per role lives
/// in the tests (EndpointPolicyTests) and fails the build for an endpoint it does not list.
/// </summary>
public static class Policies
{
    /// <summary>Published content: anyone, signed in or not.</summary>
    public const string Public = "public";

    /// <summary>Cluster-office work: imports, exports, reviews, publishing.</summary>
    public const string Official = "official";

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        builder.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        builder.AddPolicy(Official, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.SystemAdmin));
    }
}

public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string Official = "Official";
    public const string Department = "Department";
    public const string Enterprise = "Enterprise";
    public const string ScenarioOwner = "ScenarioOwner";
    public const string Expert = "Expert";

    public static IReadOnlyList<string> All { get; } = [SystemAdmin, SecurityAdmin, AuditAdmin, Official, Department, Enterprise, ScenarioOwner, Expert];
}
