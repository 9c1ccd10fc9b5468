using System.Net;
using System.Net.Http.Json;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// Personal access tokens (issue 22): they end with the password and with "sign out everywhere", a token
/// cannot mint another, minting needs a recent sign-in, and an account without a role gets no tokens and
/// no uploads.
/// </summary>
public abstract class TokenTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected TokenTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangingThePassword_RevokesEveryToken()
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var token = await TestUsers.TokenClientAsync(app, owner);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/me", Ct)).StatusCode);

        var session = await TestUsers.SignInAsync(app, owner);
        using var changed = await TestUsers.PostFormAsync(session, "/account/change-password", new() { ["current"] = owner.Password, ["next"] = "Changed-Pass-2026!", ["confirm"] = "Changed-Pass-2026!" });
        Assert.True(changed.IsSuccessStatusCode || changed.StatusCode == HttpStatusCode.Redirect, $"{(int)changed.StatusCode}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task SettingThePasswordFromALink_RevokesEveryToken()
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var token = await TestUsers.TokenClientAsync(app, owner);
        await using var scope = app.Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var link = await accounts.SetPasswordLinkAsync((await users.FindByIdAsync(owner.Id))!);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SetPassword>().RunAsync(query["uid"]!, query["token"]!, "Reset-Pass-2026!", Ct)).Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_RevokesEveryToken()
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var first = await TestUsers.TokenClientAsync(app, owner);
        var second = await TestUsers.TokenClientAsync(app, owner);
        using var signOut = await first.PostAsync("/api/me/sign-out-everywhere", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task AToken_CannotMintAnotherToken()
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var token = await TestUsers.TokenClientAsync(app, owner);
        using var minted = await token.PostAsJsonAsync("/api/me/tokens", new { name = "second", days = 365 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.Single(await token.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/tokens", Ct) ?? []);
    }

    [Fact]
    public async Task MintingAToken_NeedsARecentSignIn()
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: 1);
        var session = await TestUsers.SignInAsync(app, owner);
        using (var fresh = await TestUsers.SessionApiAsync(session, HttpMethod.Post, "/api/me/tokens", new { name = "fresh", days = 30 }))
        {
            Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        }

        // Still active (the idle limit is 30 minutes), but the sign-in is 20 minutes old.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/me", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using var stale = await TestUsers.SessionApiAsync(session, HttpMethod.Post, "/api/me/tokens", new { name = "stale", days = 30 });
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Contains("请重新登录", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountWithoutARole_GetsNoTokenAndNoUpload()
    {
        var registered = await TestUsers.CreateAsync(app, []);
        var session = await TestUsers.SignInAsync(app, registered);
        using (var minted = await TestUsers.SessionApiAsync(session, HttpMethod.Post, "/api/me/tokens", new { name = "mine", days = 365 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        }

        var page = await session.GetStringAsync("/account", Ct);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent { { new ByteArrayContent("hello world, a plain text file"u8.ToArray()), "file", "note.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/files") { Content = form };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(antiforgery));
        using var upload = await session.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }
}

public sealed class SqliteTokenTests(TestApp<SqliteTarget> app) : TokenTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresTokenTests(TestApp<PostgresTarget> app) : TokenTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
