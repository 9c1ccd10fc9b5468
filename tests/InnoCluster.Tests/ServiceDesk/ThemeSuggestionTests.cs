using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>
/// The classifier in use: trained on the requests the desk classified, it proposes a theme for a new request;
/// the desk's correction is the request's theme, the suggestion is kept beside it and counted in the analytics.
/// </summary>
public abstract class ThemeSuggestionTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected ThemeSuggestionTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewRequest_GetsASuggestedTheme_AndTheDesksCorrectionIsKept()
    {
        var firm = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct));
        var history = File.ReadLines(TestPaths.Fixture(Path.Combine("servicedesk", "labelled-requests.tsv"))).Skip(1).Select(l => l.Split('\t')).ToList();
        var received = _app.Clock.GetUtcNow().AddDays(-30);
        await _app.WithDbAsync(db =>
        {
            db.AddRange(history.Select(h => new Appeal
            {
                Topic = "历史诉求", Text = h[1], Theme = h[0], EnterpriseId = firm, EnterpriseName = "企业", ReceivedAt = received, FiledById = "history", Status = AppealStatus.Closed,
            }));
            return db.SaveChangesAsync(Ct);
        });
        Assert.Equal(history.Count, await _app.Services.GetRequiredService<ThemeSuggester>().TrainNowAsync());

        var account = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: firm));
        var desk = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var filing = await account.PostAsJsonAsync("/api/appeals", new { topic = "补助未到账", text = "申请的研发费用补助半年了还没有到账，请协调财政尽快拨付。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, filing.StatusCode);
        var filed = (await filing.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("政策兑现", filed["suggestedTheme"]!.GetValue<string>());
        Assert.Null(filed["theme"]);
        Assert.InRange(filed["suggestedThemeConfidence"]!.GetValue<double>(), 0.2, 1.0);

        // The desk corrects it: the request's theme is the desk's, the suggestion stays beside it.
        var id = filed["id"]!.GetValue<int>();
        using var assigning = await desk.PostAsJsonAsync($"/api/appeals/{id}/assign", new { leadUnit = "市财政局", theme = "融资" }, Ct);
        var assigned = (await assigning.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(("融资", "政策兑现"), (assigned["theme"]!.GetValue<string>(), assigned["suggestedTheme"]!.GetValue<string>()));
        var analytics = (await desk.GetFromJsonAsync<JsonObject>("/api/appeals/analytics", Ct))!;
        Assert.Equal((1, 0), (analytics["suggestions"]!["compared"]!.GetValue<int>(), analytics["suggestions"]!["agreed"]!.GetValue<int>()));
    }
}

public sealed class SqliteThemeSuggestionTests(TestApp<SqliteTarget> app) : ThemeSuggestionTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresThemeSuggestionTests(TestApp<PostgresTarget> app) : ThemeSuggestionTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
