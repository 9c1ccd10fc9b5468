using System.Reflection;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// Every GET endpoint and page, each of its query parameters given what a fuzzer gives (a lone Han
/// character, punctuation only, query-syntax characters, SQL, control characters, huge numbers, very long
/// text): the answer is never a server error (issue 22 found 500s for "苏" and punctuation).
/// </summary>
public abstract class QueryFuzzTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected QueryFuzzTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] Values =
    [
        "苏", "，", "!!!", "()", "\"", "*", "-", ":", "^", "' OR 1=1 --", "\u0001\u0007", "%00", "NEAR(人工 智能)", "🙂",
        "../../etc/passwd", "<script>alert(1)</script>", "99999999999999999999", "-1", "1e309", "2024-13-45", " ", "蘇州ＡＩ",
        new string('智', 3000),
    ];

    /// <summary>Routes not worth a fuzz pass: a redirect, the OpenAPI document, and the PDF that starts a browser per call.</summary>
    private static readonly HashSet<string> Skipped = ["/culture/{culture}", "/openapi/{documentName}.json", "/health", "/plans/{id:int}/report.pdf"];

    private static readonly HashSet<Type> QueryTypes =
    [
        typeof(string), typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(bool), typeof(bool?), typeof(double), typeof(double?),
        typeof(DateOnly), typeof(DateOnly?), typeof(DateTimeOffset?), typeof(Guid?),
    ];

    private static bool IsQueryType(Type type) => QueryTypes.Contains(type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    /// <summary>Each GET route with its query parameters (from the handler's own signature) and the policy it declares.</summary>
    private List<(string Route, IReadOnlyList<string> Parameters, string Policy)> Routes()
    {
        var routes = new List<(string, IReadOnlyList<string>, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            List<string> names;
            if (page is not null)
            {
                names = page.HandlerMethods.Where(h => h.HttpMethod == "Get").SelectMany(h => h.Parameters)
                    .Where(p => IsQueryType(p.ParameterType)).Select(p => p.Name).ToList();
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                // [AsParameters] records bring their own members as query parameters.
                names = method.GetParameters().SelectMany(p => p.GetCustomAttribute<Microsoft.AspNetCore.Http.AsParametersAttribute>() is null
                        ? [(p.Name!, p.ParameterType)]
                        : p.ParameterType.GetProperties().Select(m => (m.Name, m.PropertyType)))
                    .Where(p => IsQueryType(p.Item2)).Select(p => char.ToLowerInvariant(p.Item1[0]) + p.Item1[1..]).ToList();
            }
            else
            {
                continue;
            }

            var key = pattern == "/" ? "/" : pattern.TrimEnd('/');
            if (Skipped.Contains(key))
            {
                continue;
            }

            var policy = endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).FirstOrDefault() ?? Policies.Public;
            routes.Add((key, names.Where(n => !routeNames.Contains(n)).Distinct(StringComparer.Ordinal).ToList(), policy));
        }

        return routes;
    }

    private static string Path(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, "\\{(\\w+)(:int|:guid)?\\??\\}", m => m.Groups[2].Value switch
        {
            ":int" => "1",
            ":guid" => Guid.Empty.ToString(),
            _ => m.Groups[1].Value switch
            {
                "file" => "004_e3214cfc55401bf2.txt",
                "kind" => "solution",
                "period" => "2025-Q4",
                _ => "x",
            },
        });

    [Fact]
    public async Task EveryGetEndpoint_WithFuzzedQueryStrings_NeverAnswers5xx()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var clients = new Dictionary<string, HttpClient>
        {
            [Policies.SecurityAdmin] = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.SecurityAdmin])),
            [Policies.AuditAdmin] = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.AuditAdmin])),
            [Policies.SystemAdmin] = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.SystemAdmin])),
            [Policies.EnterpriseAccount] = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: 1)),
        };
        var anonymous = app.CreateClient();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (route, parameters, policy) in Routes())
        {
            var signedIn = clients.GetValueOrDefault(policy, official);
            var path = Path(route);
            foreach (var value in Values)
            {
                var encoded = Uri.EscapeDataString(value);
                var queries = parameters.Select(p => $"{p}={encoded}").ToList();
                if (parameters.Count > 1)
                {
                    queries.Add(string.Join('&', parameters.Select(p => $"{p}={encoded}")));
                }

                foreach (var query in queries)
                {
                    foreach (var client in policy == Policies.Public ? [signedIn, anonymous] : new[] { signedIn })
                    {
                        requests++;
                        using var response = await client.GetAsync($"{path}?{query}", Ct);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} GET {path}?{query[..Math.Min(query.Length, 120)]}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 1000, $"only {requests} requests: the endpoints' parameters were not found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join('\n', failures.Take(60)));
    }
}

public sealed class SqliteQueryFuzzTests(TestApp<SqliteTarget> app) : QueryFuzzTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresQueryFuzzTests(TestApp<PostgresTarget> app) : QueryFuzzTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
