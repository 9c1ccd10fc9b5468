using System.Net;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

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
        Policies.CallTeam => role is Roles.Official or Roles.Department or Roles.Expert,
        Policies.Reviewer => role == Roles.Expert,
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
                    request.Content = route.EndsWith("/import", StringComparison.Ordinal) || route.EndsWith("/files", StringComparison.Ordinal) || route == "/api/claims"
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
