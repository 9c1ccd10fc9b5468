namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// The authorization policies every endpoint and page declares. The allow/deny table per role lives
/// in the tests (EndpointPolicyTests) and fails the build for an endpoint it does not list.
/// </summary>
public static class Policies
{
    /// <summary>Published content: anyone, signed in or not.</summary>
    public const string Public = "public";

    /// <summary>Anyone signed in, whatever their role (their own profile, tokens, personal data).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Anyone signed in who has been given a role: uploads and API tokens (a self-registered account has none until the office grants one).</summary>
    public const string Member = "member";

    /// <summary>Cluster-office work: imports, exports, reviews, publishing.</summary>
    public const string Official = "official";

    /// <summary>Accounts, roles and permissions (MLPS 安全管理员).</summary>
    public const string SecurityAdmin = "security-admin";

    /// <summary>Reading the audit trail, and nothing else (MLPS 审计管理员).</summary>
    public const string AuditAdmin = "audit-admin";

    /// <summary>Operating the system: indexes, settings, jobs (MLPS 系统管理员).</summary>
    public const string SystemAdmin = "system-admin";

    /// <summary>An account bound to an enterprise, acting for it.</summary>
    public const string EnterpriseAccount = "enterprise-account";

    /// <summary>An enterprise's own data, or an official acting for any enterprise (the handler checks which firm).</summary>
    public const string EnterpriseOrOfficial = "enterprise-or-official";

    /// <summary>Writing scenario demands: scenario owners, enterprises (a factory is an owner too) and officials; each edits only its own.</summary>
    public const string ScenarioAuthor = "scenario-author";

    /// <summary>
    /// Officials and responsible departments (责任单位) on one task: a department only on tasks it is
    /// responsible for (checked per task, so these endpoints are in the object-level matrix).
    /// </summary>
    public const string ProgressReporter = "progress-reporter";

    /// <summary>Officials and departments reading the plan-wide progress table (every task's status), as 督查 tables are shared.</summary>
    public const string PlanTeam = "plan-team";

    /// <summary>
    /// The people who work on a call's applications besides the firms: the office, the 板块 (department
    /// accounts) that recommend, and the experts who review; each sees only its part (checked per application).
    /// </summary>
    public const string CallTeam = "call-team";

    /// <summary>An expert reviewer, on the applications assigned to them (checked per application).</summary>
    public const string Reviewer = "reviewer";

    public static IReadOnlyList<string> All { get; } = [Public, SignedIn, Member, Official, SecurityAdmin, AuditAdmin, SystemAdmin, EnterpriseAccount, EnterpriseOrOfficial, ScenarioAuthor, ProgressReporter, PlanTeam, CallTeam, Reviewer];

    public static void Register(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        builder.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        builder.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        builder.AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireAssertion(c => Roles.All.Any(c.User.IsInRole)));
        builder.AddPolicy(Official, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official));
        builder.AddPolicy(SecurityAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.SecurityAdmin));
        builder.AddPolicy(AuditAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.AuditAdmin));
        builder.AddPolicy(SystemAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.SystemAdmin));
        builder.AddPolicy(EnterpriseOrOfficial, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsInRole(Roles.Official) || (c.User.IsInRole(Roles.Enterprise) && c.User.HasClaim(x => x.Type == ClaimNames.EnterpriseId))));
        builder.AddPolicy(ScenarioAuthor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.ScenarioOwner, Roles.Enterprise));
        builder.AddPolicy(ProgressReporter, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.Department));
        builder.AddPolicy(PlanTeam, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.Department));
        builder.AddPolicy(CallTeam, p => p.RequireAuthenticatedUser().RequireRole(Roles.Official, Roles.Department, Roles.Expert));
        builder.AddPolicy(Reviewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Expert));
        builder.AddPolicy(EnterpriseAccount, p => p.RequireAuthenticatedUser().RequireRole(Roles.Enterprise).RequireClaim(ClaimNames.EnterpriseId));
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

    /// <summary>What a person reads for a role (a role's code never appears on a page).</summary>
    public static string Label(string role) => role switch
    {
        SystemAdmin => Ui.L("系统管理员", "System administrator"),
        SecurityAdmin => Ui.L("安全管理员", "Security administrator"),
        AuditAdmin => Ui.L("审计管理员", "Audit administrator"),
        Official => Ui.L("集群办工作人员", "Cluster office official"),
        Department => Ui.L("责任单位", "Responsible unit"),
        Enterprise => Ui.L("企业", "Enterprise"),
        ScenarioOwner => Ui.L("场景方", "Scenario owner"),
        Expert => Ui.L("评审专家", "Expert reviewer"),
        _ => role,
    };
}
