using System.Net;
using System.Net.Http.Json;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Calculator;

/// <summary>
/// The public self-check over HTTP: a credit code in, the clauses the firm's public record fits out; the
/// firm's own figures are neither used nor shown.
/// </summary>
public abstract class SelfCheckTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected SelfCheckTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACreditCode_ShowsTheClausesThePublicRecordFits_AndNeverTheFirmsOwnFigures()
    {
        var code = CreditCodes.Valid(72_000_001);
        var name = $"自测企业{Guid.NewGuid():N}"[..10];
        await _app.WithDbAsync(async db =>
        {
            var sip = await db.Set<District>().SingleAsync(d => d.Code == "sip", Ct);
            db.Add(new Enterprise
            {
                Name = name, CreditCode = code, DistrictId = sip.Id,
                Tiers = [new EnterpriseTier { Tier = Tier.HighTech, Year = 2024 }],
                Figures = [new YearlyFigure { Year = 2025, Revenue = 87_654_321m }],
                CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var (title, conditions) in new (string, object[])[]
        {
            ($"自测高企奖励{tag}", [new { field = "tier", @operator = "in", value = "high-tech" }]),
            ($"自测高企营收奖励{tag}", [new { field = "tier", @operator = "in", value = "high-tech" }, new { field = "revenue", @operator = ">=", value = "1000万元" }]),
            ($"自测吴中区奖励{tag}", [new { field = "district", @operator = "in", value = "wuzhong" }]),
        })
        {
            using var created = await official.PostAsJsonAsync("/api/clauses", new { title, method = "Award", cap = 1_000_000m, conditions, status = "Confirmed" }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var visitor = _app.CreateClient();
        using var response = await visitor.GetAsync(new Uri($"/api/self-check?creditCode={code.ToLowerInvariant()}", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(name, answer["enterpriseName"]!.GetValue<string>());
        Assert.Contains(answer["eligible"]!.AsArray(), c => c!["title"]!.GetValue<string>() == $"自测高企奖励{tag}");
        var open = answer["possiblyEligible"]!.AsArray().Single(c => c!["title"]!.GetValue<string>() == $"自测高企营收奖励{tag}")!;
        Assert.Equal(["营业收入不低于1,000万元"], open["open"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.DoesNotContain(answer["eligible"]!.AsArray().Concat(answer["possiblyEligible"]!.AsArray()), c => c!["title"]!.GetValue<string>() == $"自测吴中区奖励{tag}");
        Assert.DoesNotContain("8765", body, StringComparison.Ordinal);

        // The page gives the same answer, and shows no figure of the firm either.
        var page = await visitor.GetStringAsync(new Uri($"/self-check?creditCode={code}", UriKind.Relative), Ct);
        Assert.Contains($"自测高企营收奖励{tag}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("8,765", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenCalls_ThePublicRecordFits_AreListed_WithConditionsOnTheFirmsOwnFiguresLeftOpen()
    {
        var code = CreditCodes.Valid(72_100_000 + Random.Shared.Next(0, 800_000));
        var tag = Guid.NewGuid().ToString("N")[..6];
        await _app.WithDbAsync(async db =>
        {
            db.Add(new Enterprise
            {
                Name = $"自测征集企业{tag}", CreditCode = code, Tiers = [new EnterpriseTier { Tier = Tier.HighTech, Year = 2024 }],
                Figures = [new YearlyFigure { Year = 2025, Revenue = 87_654_321m }], CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow(),
            });
            var now = _app.Clock.GetUtcNow();
            foreach (var (title, conditions, status, closes) in new (string, InnoCluster.Features.Calculator.EligibilityCondition[], CallStatus, int)[]
            {
                ($"高企征集{tag}", [new("tier", "in", "high-tech")], CallStatus.Published, 10),
                ($"高企营收征集{tag}", [new("tier", "in", "high-tech"), new("revenue", ">=", "1000万元")], CallStatus.Published, 20),
                ($"瞪羚征集{tag}", [new("tier", "in", "gazelle")], CallStatus.Published, 10),
                ($"已截止征集{tag}", [new("tier", "in", "high-tech")], CallStatus.Published, -1),
                ($"草稿征集{tag}", [new("tier", "in", "high-tech")], CallStatus.Draft, 10),
            })
            {
                db.Add(new Call
                {
                    Title = title, Summary = "自测", Kind = CallKind.Solicitation, Programme = CallProgramme.DemonstrationProject, Status = status,
                    Conditions = [.. InnoCluster.Features.Calculator.EligibilityCheck.Normalise(conditions)], OpensAt = now.AddDays(-20), ClosesAt = now.AddDays(closes), CreatedBy = "test", CreatedAt = now,
                });
            }

            await db.SaveChangesAsync(Ct);
            return 0;
        });

        var answer = await _app.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/self-check?creditCode={code}", Ct);
        var calls = answer!["openCalls"]!.AsArray().Where(c => c!["title"]!.GetValue<string>().EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"高企征集{tag}", $"高企营收征集{tag}"], calls.Select(c => c!["title"]!.GetValue<string>()));
        Assert.True(calls[0]!["eligible"]!.GetValue<bool>());
        Assert.Null(calls[1]!["eligible"]?.GetValue<bool?>());
        Assert.NotEmpty(calls[1]!["open"]!.AsArray());
    }

    [Fact]
    public async Task ABadOrUnknownCode_IsNamed()
    {
        var visitor = _app.CreateClient();
        using var bad = await visitor.GetAsync(new Uri("/api/self-check?creditCode=91320594MA1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("18", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var unknown = await visitor.GetAsync(new Uri($"/api/self-check?creditCode={CreditCodes.Valid(72_999_999)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(CreditCodes.Valid(72_999_999), await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteSelfCheckTests(TestApp<SqliteTarget> app) : SelfCheckTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresSelfCheckTests(TestApp<PostgresTarget> app) : SelfCheckTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
