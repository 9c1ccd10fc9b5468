using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Calculator;

/// <summary>The clause pages an official works on: proposing clauses from a document, and the clause editor's forms.</summary>
public abstract class ClausePagesTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected ClausePagesTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OfficialAsync() =>
        await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));

    [Fact]
    public async Task DocumentPage_ProposeButton_CreatesProposalsForOfficialsOnly()
    {
        var document = await app.WithDbAsync(db => db.Set<Document>().Where(d => d.SeedFile != null).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct));
        await app.WithDbAsync(async db => await db.Set<PolicyClause>().Where(c => c.DocumentId == document).ExecuteDeleteAsync(Ct));
        var official = await TestUsers.SignInAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var page = await official.GetStringAsync($"/documents/{document}", Ct);
        var start = page.IndexOf("handler=Propose", StringComparison.Ordinal);
        Assert.True(start > 0, "officials see the propose form");
        var token = System.Text.RegularExpressions.Regex.Match(page[start..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the document page carries the propose form with its antiforgery token");
        using var posted = await official.PostAsync("/clauses?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["documentId"] = document.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/clauses?documentId={document}&status=Proposed", posted.Headers.Location?.OriginalString);
        var proposals = await app.WithDbAsync(db => db.Set<PolicyClause>().CountAsync(c => c.DocumentId == document && c.Status == ClauseStatus.Proposed, Ct));
        Assert.Equal(proposals, (await official.GetJsonAsync($"/api/clauses?documentId={document}")).AsArray().Count);

        var publicPage = await app.CreateClient().GetStringAsync($"/documents/{document}", Ct);
        Assert.DoesNotContain("handler=Propose", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClausePage_OfficialConfirmsAProposalWithConditionsPickedFromLists_AndWordsThePlatformCannotJudgeAreKeptFlagged()
    {
        var official = await OfficialAsync();
        using var created = await official.PostJsonAsync("/api/clauses", new { title = "待确认条款", method = "Award", cap = 2_000_000m, conditions = Array.Empty<object>(), status = "Proposed", responsibleUnit = "市工信局" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        var browser = await TestUsers.SignInAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        using var posted = await TestUsers.PostFormAsync(browser, $"/clauses/{id}", new()
        {
            ["Edit.Title"] = "高企研发补助",
            ["Edit.Items[0].Method"] = "Subsidy",
            ["Edit.Items[0].Cap"] = "5000000",
            ["Edit.Items[0].RatePercent"] = "10",
            ["Edit.Items[0].RateBase"] = "rd-spend",
            ["Edit.Items[1].Method"] = "",
            ["Edit.Conditions[0].Field"] = "tier",
            ["Edit.Conditions[0].Operator"] = "in",
            ["Edit.Conditions[0].Members"] = "tier:high-tech",
            ["Edit.Conditions[1].Field"] = "rd-ratio",
            ["Edit.Conditions[1].Operator"] = ">=",
            ["Edit.Conditions[1].Value"] = "5%",
            ["Edit.Conditions[1].Members"] = "district:sip", // a member of another field is not this row's
            ["Edit.Conditions[2].Text"] = "须在园区纳税满一年",
            ["Edit.Conditions[3].Field"] = "",
            ["Edit.Status"] = "Confirmed",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var clause = await official.GetJsonAsync($"/api/clauses/{id}");
        Assert.Equal(("Confirmed", 2), (clause["status"]!.GetValue<string>(), clause["revision"]!.GetValue<int>()));
        Assert.Equal("按研发投入的10%，最高500万元", clause["support"]!.GetValue<string>());
        var conditions = clause["conditions"]!.AsArray();
        Assert.Equal(["tier in high-tech", "rd-ratio >= 5", "须在园区纳税满一年"], conditions.Select(c => c!["line"]!.GetValue<string>()));
        Assert.Equal(ConditionFlags.UnknownField, conditions[2]!["flag"]!.GetValue<string>());

        var editor = await browser.GetStringAsync($"/clauses/{id}", Ct);
        Assert.Contains("<option value=\"tier:high-tech\" selected=\"selected\">高新技术企业</option>", editor, StringComparison.Ordinal); // the form shows what is stored
        Assert.Contains("value=\"5%\"", editor, StringComparison.Ordinal);
        Assert.DoesNotContain("rd-ratio >= 5", editor, StringComparison.Ordinal);

        using var unreadable = await TestUsers.PostFormAsync(browser, $"/clauses/{id}", new()
        {
            ["Edit.Title"] = "高企研发补助",
            ["Edit.Conditions[0].Field"] = "revenue",
            ["Edit.Conditions[0].Operator"] = ">=",
            ["Edit.Conditions[0].Value"] = "很多",
        });
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("第1条条件：“营业收入”的取值无法识别：很多", await unreadable.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, (await official.GetJsonAsync($"/api/clauses/{id}"))["revision"]!.GetValue<int>());

        using var invalid = await TestUsers.PostFormAsync(browser, $"/clauses/{id}", new() { ["Edit.Title"] = "x", ["Edit.ValidFrom"] = "2026-01-01", ["Edit.ValidTo"] = "2025-01-01" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("validTo", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, (await official.GetJsonAsync($"/api/clauses/{id}"))["revision"]!.GetValue<int>());
    }

}

public sealed class SqliteClausePagesTests(TestApp<SqliteTarget> app) : ClausePagesTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresClausePagesTests(TestApp<PostgresTarget> app) : ClausePagesTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
