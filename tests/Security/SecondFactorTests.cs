using System.Net;
using System.Text.RegularExpressions;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>
/// The second factor after the password (issue 22, critical): knowing a password is never enough to
/// replace an account's authenticator, enrolment attempts count toward the lockout, and only another
/// security administrator resets a lost authenticator.
/// </summary>
public abstract partial class SecondFactorTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected SecondFactorTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The password step only, as an attacker who learnt the password would do it.</summary>
    private async Task<HttpClient> PasswordOnlyAsync(TestUsers.Account account)
    {
        var client = Browser();
        using var response = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = account.Email, ["password"] = account.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<string?> StoredSecretAsync(string userId) =>
        await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Id == userId).Select(u => u.TotpSecretProtected).SingleAsync(Ct));

    private string EnrolmentFor(string userId, string secret)
    {
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("InnoCluster.TotpEnrolment.v1").ToTimeLimitedDataProtector();
        return protector.Protect($"{userId}:{secret}", TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Enrol_AfterPasswordOnly_OnAnAccountWithAnAuthenticator_ShowsNoSecretAndGoesToTheCodePage()
    {
        var victim = await TestUsers.CreateAsync(app, [Roles.Official]);
        var attacker = await PasswordOnlyAsync(victim);

        using var enrol = await attacker.GetAsync("/account/enrol?returnUrl=%2F", Ct);
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.Contains("/account/two-factor", enrol.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("totp-key", await enrol.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_WithAForgedSecret_IsRefused_TheVictimsAuthenticatorStays_AndNothingOpens()
    {
        var victim = await TestUsers.CreateAsync(app, [Roles.Official]);
        var before = await StoredSecretAsync(victim.Id);
        var attacker = await PasswordOnlyAsync(victim);

        // The attacker holds a valid enrolment payload for a secret of their own (e.g. from before the
        // victim enrolled): it must not replace the victim's authenticator.
        var attackerSecret = app.Services.GetRequiredService<Totp>().NewSecret();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var page = await attacker.GetStringAsync("/account/two-factor", Ct);
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        using var forged = await attacker.PostAsync("/account/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = TestUsers.CodeNow(app, attackerSecret),
            ["enrolment"] = EnrolmentFor(victim.Id, attackerSecret),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("/account/two-factor", forged.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await StoredSecretAsync(victim.Id));
        using (var officialOnly = await attacker.GetAsync("/api/plans/1/tasks", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, officialOnly.StatusCode);
        }

        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "second-factor-enrolment-refused" && e.SubjectId == victim.Id, Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "second-factor-enrolled" && e.SubjectId == victim.Id, Ct)));

        // The victim's own authenticator still signs them in.
        var own = await TestUsers.SignInAsync(app, victim);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/plans/1/tasks", Ct)).StatusCode);
    }

    [Fact]
    public async Task Enrol_WrongCodes_CountTowardTheLockout()
    {
        var official = await TestUsers.CreateAsync(app, [Roles.Official], totp: false);
        var client = await PasswordOnlyAsync(official);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var page = await client.GetAsync("/account/enrol", Ct);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                break;
            }

            var html = await page.Content.ReadAsStringAsync(Ct);
            using var wrong = await client.PostAsync("/account/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = "000000",
                ["enrolment"] = WebUtility.HtmlDecode(EnrolmentField().Match(html).Groups[1].Value),
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            }), Ct);
        }

        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(official.Id))!));
        Assert.Null(await StoredSecretAsync(official.Id));

        // Locked: even the right password no longer reaches the enrolment page.
        var again = Browser();
        using var signIn = await TestUsers.PostFormAsync(again, "/account/sign-in", new() { ["email"] = official.Email, ["password"] = official.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "second-factor-enrolment-failed" && e.SubjectId == official.Id, Ct)));
    }

    [Fact]
    public async Task ResetSecondFactor_ByAnotherSecurityAdmin_EndsSessionsAndTokens_ThenThePersonEnrolsAgain()
    {
        var admin = await TestUsers.CreateAsync(app, [Roles.SecurityAdmin]);
        var official = await TestUsers.CreateAsync(app, [Roles.Official]);
        var session = await TestUsers.SignInAsync(app, official);
        var token = await TestUsers.TokenClientAsync(app, official);
        var adminClient = await TestUsers.TokenClientAsync(app, admin);

        using (var own = await adminClient.PostAsync($"/api/users/{admin.Id}/second-factor/reset", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        Assert.NotNull(await StoredSecretAsync(admin.Id));
        using (var reset = await adminClient.PostAsync($"/api/users/{official.Id}/second-factor/reset", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Null(await StoredSecretAsync(official.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/me", Ct)).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "second-factor-reset" && e.SubjectId == official.Id, Ct)));

        var next = await PasswordOnlyAsync(official);
        using var enrol = await next.GetAsync("/account/enrol", Ct);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.Contains("totp-key", await enrol.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"enrolment\" value=\"([^\"]+)\"")]
    private static partial Regex EnrolmentField();
}

public sealed class SqliteSecondFactorTests(TestApp<SqliteTarget> app) : SecondFactorTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresSecondFactorTests(TestApp<PostgresTarget> app) : SecondFactorTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
