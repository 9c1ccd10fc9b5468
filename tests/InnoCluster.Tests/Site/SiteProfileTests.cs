using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Site;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InnoCluster.Tests.Site;

/// <summary>The rules an administrator's site identity is held to, without a host.</summary>
public sealed class SiteProfileRulesTests
{
    private static SiteProfile.Fields With(string? icp = null, string? police = null, string? code = null, string? email = null, string? phone = null, string? organizer = "苏州市人工智能产业创新集群推进办公室", string? organizerEnglish = null) =>
        new(organizer, organizerEnglish, null, null, null, phone, email, null, icp, police, code, null);

    [Theory]
    [InlineData("苏ICP备12345678号-1", true)]
    [InlineData("京ICP备05070602号", true)]
    [InlineData("ICP备12345678号", false)]
    [InlineData("苏ICP备12345678", false)]
    [InlineData("12345678", false)]
    public void IcpNumber_ReadsLikeTheMiitRegisterPrintsIt(string icp, bool valid) =>
        Assert.Equal(valid, SiteProfile.Check(With(icp: icp)).Count == 0);

    [Theory]
    [InlineData("苏公网安备 32050802010001号", true)]
    [InlineData("苏公网安备32050802010001号", true)]
    [InlineData("苏公网安备 3205080201000号", false)]
    [InlineData("公网安备 32050802010001号", false)]
    public void PoliceFilingNumber_HasItsFourteenDigits(string number, bool valid) =>
        Assert.Equal(valid, SiteProfile.Check(With(police: number)).Count == 0);

    [Fact]
    public void EveryWrongField_IsNamed_AtOnce()
    {
        var errors = SiteProfile.Check(With(icp: "备案中", code: "12345", email: "office at example", phone: "call us", organizer: null, organizerEnglish: "Cluster Office"));
        Assert.Equal(["email", "icpNumber", "organizer", "phone", "siteCode"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Contains(" / ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void BlankFields_AreNotStated_AndThePoliceLinkNamesTheDigits()
    {
        var fields = new SiteProfile.Fields("  ", null, null, null, null, null, null, null, null, " 苏公网安备 32050802010001号 ", null, "").Trimmed();
        Assert.Null(fields.Organizer);
        Assert.Null(fields.ContactNote);
        Assert.Equal("苏公网安备 32050802010001号", fields.PoliceFilingNumber);
        Assert.Equal("32050802010001", fields.PoliceFilingCode);
        Assert.True(fields.HasIdentity);
        Assert.False(fields.HasContact);
    }
}

/// <summary>A system administrator states who runs the site; the footer, the contact page and the API show it; nothing is invented before.</summary>
public abstract class SiteProfileApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected SiteProfileApiTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Profile(string icp = "苏ICP备12345678号-1", string email = "office@example.gov.cn", string siteCode = "3205000001") => new
    {
        organizer = "苏州市人工智能产业创新集群推进办公室",
        organizerEnglish = "Suzhou AI Cluster Office",
        address = "苏州市姑苏区示例路1号",
        phone = "0512-12345678",
        email,
        officeHours = "工作日 9:00–17:00",
        icpNumber = icp,
        policeFilingNumber = "苏公网安备 32050802010001号",
        siteCode,
        contactNote = "企业诉求请通过“企业诉求”提交。",
    };

    [Fact]
    public async Task Profile_StartsEmpty_IsCheckedAsAWhole_ThenShowsInTheFooterAndOnTheContactPage()
    {
        var anonymous = _app.CreateClient();
        var fresh = (await anonymous.GetFromJsonAsync<JsonObject>("/api/site", Ct))!;
        Assert.Null(fresh["updatedAt"]);
        Assert.Null(fresh["fields"]!["organizer"]);
        var home = await anonymous.GetStringAsync("/", Ct);
        Assert.DoesNotContain("site-identity", home, StringComparison.Ordinal);
        Assert.Contains("/sitemap", home, StringComparison.Ordinal);
        Assert.Contains("contact-empty", await anonymous.GetStringAsync("/contact", Ct), StringComparison.Ordinal);

        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync("/api/site", Profile(), Ct)).StatusCode);

        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        using var wrong = await admin.PutAsJsonAsync("/api/site", Profile(icp: "备案中", email: "office", siteCode: "32"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Equal(["email", "icpNumber", "siteCode"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Null((await anonymous.GetFromJsonAsync<JsonObject>("/api/site", Ct))!["updatedAt"]);

        using var saved = await admin.PutAsJsonAsync("/api/site", Profile(), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = (await anonymous.GetFromJsonAsync<JsonObject>("/api/site", Ct))!;
        Assert.NotNull(stored["updatedAt"]);
        Assert.Equal("3205000001", stored["fields"]!["siteCode"]!.GetValue<string>());

        home = await anonymous.GetStringAsync("/", Ct);
        Assert.Contains("主办单位：苏州市人工智能产业创新集群推进办公室", home, StringComparison.Ordinal);
        Assert.Contains("苏ICP备12345678号-1", home, StringComparison.Ordinal);
        Assert.Contains("https://beian.mps.gov.cn/#/query/webSearch?code=32050802010001", home, StringComparison.Ordinal);
        Assert.Contains("网站标识码：3205000001", home, StringComparison.Ordinal);
        var english = await anonymous.GetStringAsync("/?culture=en&ui-culture=en", Ct);
        Assert.Contains("Run by: Suzhou AI Cluster Office", english, StringComparison.Ordinal);
        var contact = await anonymous.GetStringAsync("/contact", Ct);
        Assert.Contains("0512-12345678", contact, StringComparison.Ordinal);
        Assert.Contains("工作日 9:00–17:00", contact, StringComparison.Ordinal);
        Assert.DoesNotContain("contact-empty", contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteMap_ShowsAReaderOnlyTheirPages_AndSitemapXmlListsThePublicOnes()
    {
        var anonymous = _app.CreateClient();
        var map = await anonymous.GetStringAsync("/sitemap", Ct);
        Assert.Contains("href=\"/search\"", map, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/site\"", map, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/appeals/analytics\"", map, StringComparison.Ordinal);

        var official = await TestUsers.SignInAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var officials = await official.GetStringAsync("/sitemap", Ct);
        Assert.Contains("href=\"/appeals/analytics\"", officials, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/site\"", officials, StringComparison.Ordinal);

        using var xml = await anonymous.GetAsync("/sitemap.xml", Ct);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        var document = System.Xml.Linq.XDocument.Parse(await xml.Content.ReadAsStringAsync(Ct));
        var locations = document.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        Assert.Contains("/search", locations);
        Assert.Contains("/contact", locations);
        Assert.DoesNotContain("/admin/site", locations);
        Assert.DoesNotContain("/account/sign-in", locations);
    }

    [Fact]
    public async Task DesignSystem_ListsEveryComponent_WithAPageThatUsesIt()
    {
        var anonymous = _app.CreateClient();
        var page = await anonymous.GetStringAsync("/design", Ct);
        foreach (var component in InnoCluster.Features.Site.Pages.DesignModel.Components)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(component.Css), page, StringComparison.Ordinal);
            using var used = await anonymous.GetAsync(component.UsedOn, Ct);
            Assert.True(used.StatusCode == HttpStatusCode.OK, $"{component.UsedOn} ({component.English}) answers {used.StatusCode}");
        }
    }

    [Fact]
    public async Task LargeText_IsTheReadersChoice_AndGoesBackOnlyToThisSite()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var on = await client.GetAsync("/display/large?returnUrl=" + Uri.EscapeDataString("/search?q=人工智能"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/search?q=人工智能", Uri.UnescapeDataString(on.Headers.Location!.OriginalString));
        Assert.Contains("class=\"large-text\"", await client.GetStringAsync("/search", Ct), StringComparison.Ordinal);
        Assert.Contains("标准版", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);

        using var off = await client.GetAsync("/display/standard?returnUrl=" + Uri.EscapeDataString("//evil.example/x"), Ct);
        Assert.Equal("/", off.Headers.Location!.OriginalString);
        Assert.DoesNotContain("large-text", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteSiteProfileApiTests(TestApp<SqliteTarget> app) : SiteProfileApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresSiteProfileApiTests(TestApp<PostgresTarget> app) : SiteProfileApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
