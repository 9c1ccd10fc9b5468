using System.Net;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>"METHOD /route" → policy, for every endpoint and page. Anonymous infrastructure endpoints are listed as "anonymous".</summary>
public static class EndpointPolicyTable
{
    public static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["ANY /health"] = "anonymous",
        ["ANY /alive"] = "anonymous",
        ["ANY /metrics"] = "anonymous",
        ["GET /openapi/{documentName}.json"] = "anonymous",
        ["GET /culture/{culture}"] = "anonymous",

        ["GET /api/enterprises"] = Policies.Public,
        ["GET /api/enterprises/{id:int}"] = Policies.Public,
        ["GET /api/enterprises/export"] = Policies.Official,
        ["PATCH /api/enterprises/{id:int}/profile"] = Policies.SignedIn,
        ["POST /api/enterprises/import"] = Policies.Official,
        ["GET /api/import-mappings"] = Policies.Official,
        ["PUT /api/import-mappings/{name}"] = Policies.Official,
        ["GET /api/chain"] = Policies.Public,
        ["GET /api/districts"] = Policies.Public,
        ["GET /api/carriers"] = Policies.Public,
        ["GET /api/search"] = Policies.Public,
        ["GET /api/passages"] = Policies.Public,
        ["GET /api/documents/{id:int}"] = Policies.Public,
        ["GET /api/documents/{id:int}/related"] = Policies.Public,
        ["POST /api/documents"] = Policies.Official,
        ["POST /api/documents/facts/reread"] = Policies.Official,
        ["PATCH /api/enterprises/{id:int}/facts"] = Policies.SignedIn,
        ["GET /api/calculator/{id:int}"] = Policies.EnterpriseOrOfficial,
        ["GET /api/clauses"] = Policies.Public,
        ["GET /api/clauses/{id:int}"] = Policies.Public,
        ["POST /api/clauses"] = Policies.Official,
        ["PUT /api/clauses/{id:int}"] = Policies.Official,
        ["DELETE /api/clauses/{id:int}"] = Policies.Official,
        ["GET /api/clauses/{id:int}/eligible"] = Policies.Official,
        ["GET /api/clauses/{id:int}/eligible/export"] = Policies.Official,
        ["POST /api/documents/{id:int}/clauses"] = Policies.Official,
        ["GET /api/demands"] = Policies.Public,
        ["GET /api/demands/{id:int}"] = Policies.Public,
        ["POST /api/demands/{id:int}/publish"] = Policies.Official,
        ["POST /api/demands/{id:int}/close"] = Policies.Official,
        ["GET /api/scenarios"] = Policies.Public,
        ["POST /api/scenarios"] = Policies.ScenarioAuthor,
        ["GET /api/scenarios/{id:int}"] = Policies.Public,
        ["PUT /api/scenarios/{id:int}"] = Policies.ScenarioAuthor,
        ["GET /api/scenarios/{id:int}/matches"] = Policies.Public,
        ["GET /api/scenarios/{id:int}/dockings"] = Policies.Public,
        ["GET /api/scenarios/{id:int}/attachments/{fileId:guid}"] = Policies.Public,
        ["POST /api/scenarios/{id:int}/matches/{kind}/{candidateId:int}/pin"] = Policies.Official,
        ["POST /api/scenarios/{id:int}/matches/{kind}/{candidateId:int}/exclude"] = Policies.Official,
        ["DELETE /api/scenarios/{id:int}/matches/{kind}/{candidateId:int}/decision"] = Policies.Official,
        ["GET /api/scenarios/funnel"] = Policies.Public,
        ["GET /api/scenarios/cases"] = Policies.Public,
        ["GET /api/scenarios/cases.xlsx"] = Policies.Public,
        ["GET /api/solutions"] = Policies.Public,
        ["POST /api/solutions"] = Policies.EnterpriseOrOfficial,
        ["GET /api/solutions/{id:int}"] = Policies.Public,
        ["PUT /api/solutions/{id:int}"] = Policies.EnterpriseOrOfficial,
        ["GET /api/solutions/{id:int}/matches"] = Policies.Public,
        ["POST /api/dockings"] = Policies.SignedIn,
        ["GET /api/dockings/{id:int}"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/contacted"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/docking"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/negotiating"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/signed"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/landed"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/demonstration"] = Policies.SignedIn,
        ["POST /api/dockings/{id:int}/dropped"] = Policies.SignedIn,
        ["POST /api/docking-events"] = Policies.Official,
        ["GET /api/docking-events/{id:int}"] = Policies.Official,
        ["POST /api/docking-events/{id:int}/invitations"] = Policies.Official,
        ["POST /api/docking-events/{id:int}/meetings"] = Policies.Official,
        ["GET /api/plans"] = Policies.Public,
        ["GET /api/plans/{id:int}/targets"] = Policies.Public,
        ["GET /api/plans/{id:int}/structure"] = Policies.Official,
        ["GET /api/plan-targets/{id:int}"] = Policies.Public,
        ["PUT /api/plan-targets/{id:int}/indicator"] = Policies.Official,
        ["POST /api/plan-targets/{id:int}/observations"] = Policies.Official,
        ["GET /api/plans/{id:int}/tasks"] = Policies.PlanTeam,
        ["GET /api/tasks/{id:int}/reports"] = Policies.ProgressReporter,
        ["POST /api/tasks/{id:int}/reports"] = Policies.ProgressReporter,
        ["POST /api/plans/{id:int}/periods/{period}/close"] = Policies.Official,
        ["GET /api/plans/{id:int}/indicators.xlsx"] = Policies.Public,
        ["GET /plans/{id:int}/report.pdf"] = Policies.Official,
        ["POST /api/plans/{id:int}/report.pdf"] = Policies.Official,
        ["GET /api/jobs"] = Policies.SignedIn,
        ["GET /api/jobs/{id:long}"] = Policies.SignedIn,
        ["GET /api/jobs/{id:long}/files/{fileId:long}"] = Policies.SignedIn,
        ["POST /api/reindex"] = Policies.SystemAdmin,
        ["GET /api/calendar/{year:int}"] = Policies.Public,
        ["GET /api/calendar/due"] = Policies.Public,
        ["PUT /api/calendar/days/{date}"] = Policies.SystemAdmin,
        ["POST /api/appeals"] = Policies.EnterpriseOrOfficial,
        ["GET /api/appeals"] = Policies.SignedIn,
        ["GET /api/appeals/{id:int}"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/assign"] = Policies.Official,
        ["POST /api/appeals/{id:int}/extension"] = Policies.Official,
        ["POST /api/appeals/{id:int}/respond"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/extend"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/hand-back"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/resolve"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/rate"] = Policies.SignedIn,
        ["POST /api/appeals/{id:int}/reopen"] = Policies.SignedIn,
        ["POST /api/documents/{id:int}/plan"] = Policies.Official,
        ["POST /api/plans/{id:int}/confirm"] = Policies.Official,
        ["POST /api/plans/{id:int}/reminders"] = Policies.Official,
        ["PUT /api/plan-targets/{id:int}"] = Policies.Official,
        ["DELETE /api/plan-targets/{id:int}"] = Policies.Official,
        ["PUT /api/plan-actions/{id:int}"] = Policies.Official,
        ["PUT /api/plan-tasks/{id:int}"] = Policies.Official,

        ["GET /api/me"] = Policies.SignedIn,
        ["GET /api/me/tokens"] = Policies.SignedIn,
        ["POST /api/me/tokens"] = Policies.Member,
        ["DELETE /api/me/tokens/{id:int}"] = Policies.SignedIn,
        ["GET /api/me/personal-data"] = Policies.SignedIn,
        ["POST /api/me/personal-data/erase"] = Policies.SignedIn,
        ["POST /api/me/sign-out-everywhere"] = Policies.SignedIn,
        ["GET /api/me/files"] = Policies.SignedIn,
        ["POST /api/me/files"] = Policies.Member,
        ["GET /api/files/{id:guid}"] = Policies.SignedIn,
        ["GET /api/enterprise-users"] = Policies.EnterpriseAccount,
        ["GET /api/enterprise-users/{id}/personal-data"] = Policies.EnterpriseAccount,
        ["POST /api/enterprise-users/{id}/erase"] = Policies.EnterpriseAccount,
        ["GET /api/users"] = Policies.SecurityAdmin,
        ["POST /api/users"] = Policies.SecurityAdmin,
        ["PUT /api/users/{id}/roles"] = Policies.SecurityAdmin,
        ["POST /api/users/{id}/deactivate"] = Policies.SecurityAdmin,
        ["POST /api/users/{id}/unlock"] = Policies.SecurityAdmin,
        ["POST /api/users/{id}/second-factor/reset"] = Policies.SecurityAdmin,
        ["GET /api/role-requests"] = Policies.SecurityAdmin,
        ["POST /api/role-requests/{id:int}/approve"] = Policies.SecurityAdmin,
        ["POST /api/role-requests/{id:int}/reject"] = Policies.SecurityAdmin,
        ["GET /api/audit"] = Policies.AuditAdmin,
        ["GET /api/audit/verify"] = Policies.AuditAdmin,
        ["GET /api/mail/outbox"] = Policies.SecurityAdmin,
        ["POST /api/mail/outbox/{id:long}/retry"] = Policies.SecurityAdmin,

        ["PAGE /"] = Policies.Public,
        ["PAGE /enterprises"] = Policies.Public,
        ["PAGE /enterprises/{id:int}"] = Policies.Public,
        ["PAGE /enterprises/import"] = Policies.Official,
        ["PAGE /chain"] = Policies.Public,
        ["PAGE /districts"] = Policies.Public,
        ["PAGE /carriers"] = Policies.Public,
        ["PAGE /sources/{file}"] = Policies.Public,
        ["PAGE /search"] = Policies.Public,
        ["PAGE /documents/{id:int}"] = Policies.Public,
        ["PAGE /documents/upload"] = Policies.Official,
        ["PAGE /enterprises/{id:int}/calculator"] = Policies.EnterpriseOrOfficial,
        ["PAGE /clauses"] = Policies.Public,
        ["PAGE /clauses/{id:int}"] = Policies.Public,
        ["PAGE /demands"] = Policies.Public,
        ["PAGE /demands/{id:int}"] = Policies.Public,
        ["PAGE /demands/{id:int}/edit"] = Policies.ScenarioAuthor,
        ["GET /api/scenario-lists"] = Policies.Public,
        ["PAGE /scenarios/lists"] = Policies.Public,
        ["PAGE /solutions/{id:int}/edit"] = Policies.EnterpriseOrOfficial,
        ["PAGE /demands/new"] = Policies.ScenarioAuthor,
        ["PAGE /scenarios"] = Policies.Public,
        ["PAGE /scenarios/cases"] = Policies.Public,
        ["PAGE /solutions"] = Policies.Public,
        ["PAGE /plans/{id:int?}"] = Policies.Public,
        ["PAGE /plans/targets/{id:int}"] = Policies.Public,
        ["PAGE /jobs"] = Policies.SignedIn,
        ["PAGE /appeals"] = Policies.SignedIn,
        ["PAGE /appeals/new"] = Policies.EnterpriseOrOfficial,
        ["PAGE /appeals/{id:int}"] = Policies.SignedIn,
        ["PAGE /jobs/{id:long}"] = Policies.SignedIn,
        ["PAGE /plans/{id:int}/units"] = Policies.PlanTeam,
        ["PAGE /plans/{id:int}/districts"] = Policies.Public,
        ["PAGE /plans/{id:int}/report"] = Policies.Public,
        ["PAGE /plans/tasks/{id:int}"] = Policies.ProgressReporter,
        ["PAGE /plans/{id:int}/structure"] = Policies.Official,
        ["PAGE /plans/import"] = Policies.Official,
        ["PAGE /account/sign-in"] = Policies.Public,
        ["PAGE /account/two-factor"] = Policies.Public,
        ["PAGE /account/enrol"] = Policies.Public,
        ["PAGE /account/set-password"] = Policies.Public,
        ["PAGE /account/forgot-password"] = Policies.Public,
        ["PAGE /account/register"] = Policies.Public,
        ["PAGE /account/sign-out"] = Policies.Public,
        ["PAGE /account/denied"] = Policies.Public,
        ["PAGE /account/change-password"] = Policies.SignedIn,
        ["PAGE /account"] = Policies.SignedIn,
        ["PAGE /admin/users"] = Policies.SecurityAdmin,
        ["PAGE /admin/audit"] = Policies.AuditAdmin,
    };
}

/// <summary>
/// Every endpoint and page declares its policy, and the policy lets in exactly the roles the table says —
/// every endpoint × every role (and an account without a role), on each database. An endpoint missing from
/// the table (or a table row with no endpoint) fails.
/// </summary>
public abstract class EndpointPolicyTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected EndpointPolicyTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static Dictionary<string, string> Table => EndpointPolicyTable.Table;

    /// <summary>A signed-in account that has no role yet (self-registered, waiting for the office).</summary>
    private const string NoRole = "(no role)";

    /// <summary>Which roles each policy lets in ("" is the anonymous public).</summary>
    private static bool Allows(string policy, string role) => policy switch
    {
        "anonymous" or Policies.Public => true,
        Policies.SignedIn => role != "",
        Policies.Member => role is not ("" or NoRole),
        Policies.Official => role == Roles.Official,
        Policies.SecurityAdmin => role == Roles.SecurityAdmin,
        Policies.AuditAdmin => role == Roles.AuditAdmin,
        Policies.SystemAdmin => role == Roles.SystemAdmin,
        Policies.EnterpriseAccount => role == Roles.Enterprise,
        Policies.EnterpriseOrOfficial => role is Roles.Enterprise or Roles.Official,
        Policies.ScenarioAuthor => role is Roles.Official or Roles.ScenarioOwner or Roles.Enterprise,
        Policies.ProgressReporter or Policies.PlanTeam => role is Roles.Official or Roles.Department,
        _ => throw new InvalidOperationException("unknown policy " + policy),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<(string Key, string? Policy, bool Anonymous)> Endpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new List<(string, string?, bool)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || endpoint.Metadata.Any(m => m.GetType().Name == "PageActionDescriptor" || m.GetType().Name == "PageRouteMetadata");
            var methods = isPage ? ["PAGE"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            var policies = endpoint.Metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Distinct().ToList();
            var anonymous = endpoint.Metadata.OfType<IAllowAnonymous>().Any();
            foreach (var method in methods)
            {
                result.Add(($"{method} {(pattern == "/" ? "/" : pattern.TrimEnd('/'))}", policies.Count == 1 ? policies[0] : null, anonymous && policies.Count == 0));
            }
        }

        return result.DistinctBy(e => e.Item1).ToList();
    }

    [Fact]
    public void EveryEndpoint_IsInTheTableWithTheSamePolicy()
    {
        var endpoints = Endpoints();
        var problems = new List<string>();
        foreach (var (key, policy, anonymous) in endpoints)
        {
            if (!Table.TryGetValue(key, out var expected))
            {
                problems.Add($"{key} is not in the policy table");
            }
            else if ((expected == "anonymous" && !anonymous) || (expected != "anonymous" && policy != expected))
            {
                problems.Add($"{key} declares {(anonymous ? "anonymous" : policy ?? "no single policy")}, the table says {expected}");
            }
        }

        foreach (var key in Table.Keys.Except(endpoints.Select(e => e.Key)))
        {
            problems.Add($"{key} is in the table but not an endpoint");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryRole_GetsExactlyWhatTheTableAllows()
    {
        var roles = new[] { "", NoRole, Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin, Roles.Official, Roles.Department, Roles.Enterprise, Roles.ScenarioOwner, Roles.Expert };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in roles)
        {
            if (role == "")
            {
                clients[role] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                continue;
            }

            var account = await TestUsers.CreateAsync(app, role == NoRole ? [] : [role], enterpriseId: role == Roles.Enterprise ? 1 : null, department: role == Roles.Department ? "市工信局" : null);
            clients[role] = await TestUsers.TokenClientAsync(app, account);
        }

        var problems = new List<string>();
        foreach (var (key, policy) in Table.Where(t => t.Value != "anonymous"))
        {
            var (method, route) = (key.Split(' ')[0], key.Split(' ')[1]);
            if (route.Contains("erase", StringComparison.Ordinal) || route.Contains("sign-out-everywhere", StringComparison.Ordinal) || route.Contains("deactivate", StringComparison.Ordinal))
            {
                continue; // exercised in their own tests: they end the calling account's access
            }

            if (key == "POST /api/me/tokens")
            {
                continue; // these clients hold tokens, and a token never mints a token: TokenTests tries it from browser sessions of each kind
            }

            var path = Placeholder(route);
            foreach (var role in roles)
            {
                var request = new HttpRequestMessage(method == "PAGE" ? HttpMethod.Get : new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    // Upload endpoints only match multipart requests (routing answers 415 before anything else).
                    request.Content = route.EndsWith("/import", StringComparison.Ordinal) || route.EndsWith("/files", StringComparison.Ordinal)
                        ? new MultipartFormDataContent { { new ByteArrayContent("企业名称\n测试\n"u8.ToArray()), "file", "probe.csv" } }
                        : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await clients[role].SendAsync(request, Ct);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                // A page's own redirect (two-factor with nothing pending → sign-in) is not a denial; the
                // authentication handler's always carries ReturnUrl. The access-denied page itself answers 403.
                var denied = (status is 401 || (status == 403 && route != "/account/denied")) || (status == 302 && location.Contains("ReturnUrl=", StringComparison.Ordinal));
                var allowed = Allows(policy, role);
                if (allowed == denied)
                {
                    problems.Add($"{key} as {(role == "" ? "anonymous" : role)}: {status} {location} (table: {(allowed ? "allow" : "deny")})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Placeholder(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, "\\{(\\w+)(:int|:long|:guid)?\\}", m => m.Groups[1].Value switch
        {
            "id" when m.Groups[2].Value == ":guid" => Guid.Empty.ToString(),
            "id" when m.Groups[2].Success => "999999",
            "id" => "no-such-user",
            "file" => "004_e3214cfc55401bf2.txt",
            "name" => "policy-probe",
            _ when m.Groups[2].Value is ":int" or ":long" => "999999",
            _ when m.Groups[2].Value == ":guid" => Guid.Empty.ToString(),
            "kind" => "solution",
            _ => "x",
        });

    [Fact]
    public async Task Tokens_OfAnotherAccount_CannotBeRevoked()
    {
        var alice = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var bob = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var aliceClient = await TestUsers.TokenClientAsync(app, alice);
        var bobClient = await TestUsers.TokenClientAsync(app, bob);
        var bobTokens = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>(bobClient, "/api/me/tokens", Ct);
        var bobTokenId = bobTokens![0]!["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NotFound, (await aliceClient.DeleteAsync($"/api/me/tokens/{bobTokenId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bobClient.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task EnterpriseProfile_OfAnotherEnterprise_IsForbiddenAndUnchanged()
    {
        var ids = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).Take(2), Ct));
        var mine = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: ids[0]));
        var body = System.Net.Http.Json.JsonContent.Create(new { business = "改写别人的主营业务", products = new[] { "假产品" }, name = "改名", creditCode = "91350100M000100Y43", enterpriseId = ids[0] });
        using var other = await mine.PatchAsync($"/api/enterprises/{ids[1]}/profile", body, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var untouched = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<InnoCluster.Features.Registry.Enterprise>(), e => e.Id == ids[1], Ct));
        Assert.NotEqual("改写别人的主营业务", untouched.Business);

        using var own = await mine.PatchAsync($"/api/enterprises/{ids[0]}/profile", body, Ct);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        var changed = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<InnoCluster.Features.Registry.Enterprise>(), e => e.Id == ids[0], Ct));
        Assert.Equal("改写别人的主营业务", changed.Business);
        Assert.NotEqual("改名", changed.Name); // extra fields are ignored
        Assert.Null(changed.CreditCode);
    }

    [Fact]
    public async Task OverPosting_ExtraFields_AreIgnored()
    {
        var alice = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var bob = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var client = await TestUsers.SignInAsync(app, alice);
        var body = new { name = "probe", days = 5, userId = bob.Id, role = "SystemAdmin", expiresAt = "2099-01-01T00:00:00Z" };
        using var response = await TestUsers.SessionApiAsync(client, HttpMethod.Post, "/api/me/tokens", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bobTokens = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<InnoCluster.Features.Identity.PersonalAccessToken>(), t => t.UserId == bob.Id && t.Name == "probe", Ct));
        Assert.Equal(0, bobTokens);
        var me = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(client, "/api/me", Ct);
        Assert.DoesNotContain("SystemAdmin", me!["roles"]!.ToJsonString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteEndpointPolicyTests(TestApp<SqliteTarget> app) : EndpointPolicyTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresEndpointPolicyTests(TestApp<PostgresTarget> app) : EndpointPolicyTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
