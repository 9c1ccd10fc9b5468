using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Identity;

/// <summary>Sign-in, second factor, lockout, tokens, sessions and personal data, through HTTP on a real database.</summary>
public abstract class IdentityTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected IdentityTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Anonymous() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private Task<List<AuditEntry>> AuditAsync(string action, string? actorId = null) =>
        _app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == action && (actorId == null || e.ActorId == actorId)).ToListAsync(Ct));

    [Fact]
    public async Task UsersAdd_Cli_PrintsALinkThatSetsThePasswordOnce()
    {
        var output = new StringWriter();
        await using (var scope = _app.Scope())
        {
            var verb = scope.ServiceProvider.GetServices<ICliVerb>().Single(v => v.Words.SequenceEqual(["users"]));
            var code = await verb.RunAsync(CliCommand.Parse(["users", "add", "--role", "SystemAdmin", "root-admin@example.test"])!, scope.ServiceProvider, output, Ct);
            Assert.Equal(0, code);
        }

        var link = output.ToString().Split('\n').Single(l => l.Contains("/account/set-password?", StringComparison.Ordinal)).Trim();
        var path = new Uri(link).PathAndQuery;
        var client = Anonymous();
        using (var first = await TestUsers.PostFormAsync(client, path, new() { ["uid"] = Query(link, "uid"), ["token"] = Query(link, "token"), ["password"] = "Admin-Set-2026!", ["confirm"] = "Admin-Set-2026!" }))
        {
            Assert.Contains("密码已设置", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var second = await TestUsers.PostFormAsync(client, path, new() { ["uid"] = Query(link, "uid"), ["token"] = Query(link, "token"), ["password"] = "Admin-Again-2026!", ["confirm"] = "Admin-Again-2026!" });
        Assert.Contains("链接无效或已过期", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string Query(string url, string key) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)[key]!;

    [Fact]
    public async Task NoDefaultAccount_Ships()
    {
        var count = await _app.WithDbAsync(db => db.Set<AppUser>().CountAsync(u => u.Email!.StartsWith("admin@") || u.UserName == "admin", Ct));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountAndEveryFailureIsAudited()
    {
        var account = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: 1);
        var client = Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = account.Email, ["password"] = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = account.Email, ["password"] = account.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // refused: the account is locked
        var failures = await AuditAsync("sign-in-failed", account.Id);
        var locks = await AuditAsync("sign-in-locked", account.Id);
        Assert.Equal(4, failures.Count);
        Assert.Equal(2, locks.Count); // the fifth failure and the refused right password

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        var user = await _app.WithDbAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == account.Id, Ct));
        Assert.True(user.LockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(25), "locked for 30 minutes");
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownAccounts_GetTheSameAnswer()
    {
        var account = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var client = Anonymous();
        using var known = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = account.Email, ["password"] = "Not-The-Password-9" });
        using var unknown = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = "nobody-here@example.test", ["password"] = "Not-The-Password-9" });
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Alert(await known.Content.ReadAsStringAsync(Ct)), Alert(await unknown.Content.ReadAsStringAsync(Ct)));

        using var resetKnown = await TestUsers.PostFormAsync(client, "/account/forgot-password", new() { ["email"] = account.Email });
        using var resetUnknown = await TestUsers.PostFormAsync(client, "/account/forgot-password", new() { ["email"] = "nobody-here@example.test" });
        Assert.Equal(Alert(await resetKnown.Content.ReadAsStringAsync(Ct)), Alert(await resetUnknown.Content.ReadAsStringAsync(Ct)));

        using var registerKnown = await TestUsers.PostFormAsync(client, "/account/register", new() { ["email"] = account.Email, ["name"] = "x", ["organisation"] = "y" });
        using var registerNew = await TestUsers.PostFormAsync(client, "/account/register", new() { ["email"] = $"new-{Guid.NewGuid():N}@example.test", ["name"] = "x", ["organisation"] = "y" });
        Assert.Equal(Alert(await registerKnown.Content.ReadAsStringAsync(Ct)), Alert(await registerNew.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownAccounts_TakeTheSameTime()
    {
        var account = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var client = Anonymous();
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            // Alternate, and stay under the lockout threshold by signing in correctly every third try.
            foreach (var (email, samples) in new[] { (account.Email, known), ($"nobody{i}@example.test", unknown) })
            {
                var page = await client.GetStringAsync("/account/sign-in", Ct);
                var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
                var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = "Wrong-Password-9", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token) });
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/account/sign-in", form, Ct);
                samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (i % 3 == 2)
            {
                await TestUsers.SignInAsync(_app, account); // resets the failure count
            }
        }

        known.Sort();
        unknown.Sort();
        var (a, b) = (known[known.Count / 2], unknown[unknown.Count / 2]);
        // Both paths verify one PBKDF2 hash; the medians differ by noise only (ASVS 6.3.8 asks ±50 ms).
        Assert.True(Math.Abs(a - b) < Math.Max(50, 0.5 * Math.Max(a, b)), $"known {a:F0} ms, unknown {b:F0} ms");
    }

    private static string Alert(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "class=\"alert[^\"]*\"[^>]*>([^<]*)<").Groups[1].Value;

    [Fact]
    public async Task Official_PasswordOnly_ReachesNothingUntilTheOneTimeCode()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = Anonymous();
        using var password = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = official.Email, ["password"] = official.Password, ["returnUrl"] = "/enterprises/import" });
        Assert.Contains("/account/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var page = await client.GetAsync("/enterprises/import", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var api = await client.GetAsync("/api/import-mappings", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        using var code = await TestUsers.PostFormAsync(client, "/account/two-factor", new() { ["code"] = TestUsers.CodeNow(_app, official.TotpSecret!), ["returnUrl"] = "/enterprises/import" });
        Assert.Equal("/enterprises/import", code.Headers.Location?.OriginalString);
        using var after = await client.GetAsync("/enterprises/import", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task TwoFactor_ACodeWorksOnlyOnce()
    {
        var expert = await TestUsers.CreateAsync(_app, [Roles.Expert]);
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        var code = TestUsers.CodeNow(_app, expert.TotpSecret!);

        var first = Anonymous();
        await TestUsers.PostFormAsync(first, "/account/sign-in", new() { ["email"] = expert.Email, ["password"] = expert.Password });
        using var ok = await TestUsers.PostFormAsync(first, "/account/two-factor", new() { ["code"] = code, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var second = Anonymous();
        await TestUsers.PostFormAsync(second, "/account/sign-in", new() { ["email"] = expert.Email, ["password"] = expert.Password });
        using var reused = await TestUsers.PostFormAsync(second, "/account/two-factor", new() { ["code"] = code, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("已使用过", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEmpty(await AuditAsync("second-factor-failed", expert.Id));
    }

    [Fact]
    public async Task Enrolment_AnOfficialWithoutAnAuthenticator_MustEnrolBeforeSignIn()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official], totp: false);
        var client = Anonymous();
        using var password = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = official.Email, ["password"] = official.Password });
        Assert.Contains("/account/enrol", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/account/enrol", Ct);
        Assert.Contains("src=\"data:image/svg", page, StringComparison.Ordinal);
        var secret = System.Text.RegularExpressions.Regex.Match(page, "id=\"totp-key\">([A-Z2-7]+)<").Groups[1].Value;
        var enrolment = System.Text.RegularExpressions.Regex.Match(page, "name=\"enrolment\" value=\"([^\"]+)\"").Groups[1].Value;
        using var done = await TestUsers.PostFormAsync(client, "/account/enrol", new() { ["code"] = TestUsers.CodeNow(_app, secret), ["enrolment"] = System.Net.WebUtility.HtmlDecode(enrolment), ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var user = await _app.WithDbAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == official.Id, Ct));
        Assert.NotNull(user.TotpSecretProtected);
        Assert.DoesNotContain(secret, user.TotpSecretProtected, StringComparison.Ordinal); // stored encrypted
    }

    [Fact]
    public async Task Tokens_WorkUntilRevokedAndFollowTheAccountsCurrentRoles()
    {
        var official = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, official);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/import-mappings", Ct)).StatusCode);

        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Accounts>().SetRolesAsync(official.Id, [Roles.Enterprise], 1, Ct);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/import-mappings", Ct)).StatusCode);
        Assert.NotEmpty(await AuditAsync("access-denied", official.Id));

        var tokens = await client.GetFromJsonAsync<JsonArray>("/api/me/tokens", Ct);
        var id = tokens![0]!["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/me/tokens/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_Expire()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var client = await TestUsers.TokenClientAsync(_app, owner, days: 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_AreStoredOnlyAsHashes()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        await using var scope = _app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(owner.Id, "x", 10, Ct);
        var stored = await _app.WithDbAsync(db => db.Set<PersonalAccessToken>().SingleAsync(t => t.Id == created.Id, Ct));
        Assert.NotEqual(created.Token, stored.Hash);
        Assert.Equal(PersonalAccessToken.HashOf(created.Token), stored.Hash);
        var audit = await _app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Changes != null && e.Changes.Contains(stored.Hash)).CountAsync(Ct));
        Assert.Equal(0, audit);
    }

    [Fact]
    public async Task Session_SignOutEverywhere_EndsOtherSessions()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var laptop = await TestUsers.SignInAsync(_app, owner);
        var phone = await TestUsers.SignInAsync(_app, owner);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/me", Ct)).StatusCode);
        using var signOut = await TestUsers.PostFormAsync(laptop, "/account", [], handler: "SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task HeaderSignOutButton_CarriesItsTokenAndSignsOut()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var client = await TestUsers.SignInAsync(_app, owner);
        var home = await client.GetStringAsync("/jobs", Ct);
        var form = System.Text.RegularExpressions.Regex.Match(home, "<form method=\"post\" action=\"/account/sign-out\"[^>]*>.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "the header's sign-out form has no antiforgery token: " + form);
        using var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Session_IdleThirtyMinutesOrTwelveHoursInAll_SignsOut()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var idle = await TestUsers.SignInAsync(_app, owner);
        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me", Ct)).StatusCode);

        var busy = await TestUsers.SignInAsync(_app, owner);
        for (var hour = 0; hour < 12; hour++)
        {
            for (var step = 0; step < 3; step++)
            {
                _app.Clock.Advance(TimeSpan.FromMinutes(20));
                var status = (await busy.GetAsync("/api/me", Ct)).StatusCode;
                if (hour * 60 + (step + 1) * 20 < 12 * 60)
                {
                    Assert.True(status == HttpStatusCode.OK, $"active session refused after {hour}h{(step + 1) * 20}m");
                }
            }
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSite()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        var client = Anonymous();
        using var response = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = owner.Email, ["password"] = owner.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("innocluster=", StringComparison.Ordinal) && !c.Contains("1970", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forms_WithoutTheAntiforgeryToken_AreRefused()
    {
        var client = Anonymous();
        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@b.c", ["password"] = "x" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using var response = await Anonymous().GetAsync("/", Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task PersonalData_IsEncryptedAtRestMaskedOnScreenExportedAndErased()
    {
        var enterpriseId = await _app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.SeedKey == "aispeech").Select(e => e.Id).SingleAsync(Ct));
        var admin = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: enterpriseId);
        var staff = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: enterpriseId, phone: "13800138000");
        var stored = await _app.WithDbAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == staff.Id, Ct));
        Assert.DoesNotContain("13800138000", stored.PhoneProtected, StringComparison.Ordinal);
        if (_app.Database is SqliteTarget)
        {
            NpgsqlOrSqlite.ClearPools();
            var raw = await File.ReadAllBytesAsync(_app.Database.ConnectionString["Data Source=".Length..], Ct);
            Assert.DoesNotContain("13800138000", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        }

        var client = await TestUsers.TokenClientAsync(_app, admin);
        var list = await client.GetFromJsonAsync<JsonArray>("/api/enterprise-users", Ct);
        Assert.Contains(list!, u => u!["phoneMasked"]?.GetValue<string>() == "138****8000");

        var export = await client.GetFromJsonAsync<JsonObject>($"/api/enterprise-users/{staff.Id}/personal-data", Ct);
        Assert.Equal("13800138000", export!["phone"]!.GetValue<string>());

        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Mail.IMessageOutbox>().SendAsync(staff.Email, "通知", "您的账号已开通。", Ct);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/enterprise-users/{staff.Id}/erase", null, Ct)).StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Set<InnoCluster.Infrastructure.Mail.OutboxMessage>().CountAsync(m => m.To == staff.Email, Ct)));
        var after = await client.GetFromJsonAsync<JsonObject>($"/api/enterprise-users/{staff.Id}/personal-data", Ct);
        Assert.Null(after!["phone"]);
        Assert.DoesNotContain(staff.Email, after.ToJsonString(), StringComparison.Ordinal);
        var signIn = Anonymous();
        using var refused = await TestUsers.PostFormAsync(signIn, "/account/sign-in", new() { ["email"] = staff.Email, ["password"] = staff.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task PersonalData_OfAnotherEnterprisesUser_IsNotFound()
    {
        var ids = await _app.WithDbAsync(db => db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(Ct));
        var mine = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: ids[0]);
        var theirs = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: ids[1], phone: "13912345678");
        var client = await TestUsers.TokenClientAsync(_app, mine);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/enterprise-users/{theirs.Id}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/enterprise-users/{theirs.Id}/erase", null, Ct)).StatusCode);
        var still = await _app.WithDbAsync(db => db.Set<AppUser>().SingleAsync(u => u.Id == theirs.Id, Ct));
        Assert.Null(still.ErasedAt);
    }

    [Fact]
    public async Task PasswordAge_PastNinetyDays_AllowsOnlyAChange()
    {
        var owner = await TestUsers.CreateAsync(_app, [Roles.ScenarioOwner]);
        _app.Clock.Advance(TimeSpan.FromDays(91));
        var client = await TestUsers.SignInAsync(_app, owner);
        using var page = await client.GetAsync("/enterprises", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/change-password", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var change = await TestUsers.PostFormAsync(client, "/account/change-password", new() { ["current"] = owner.Password, ["next"] = "Renewed-Pass-2027!", ["confirm"] = "Renewed-Pass-2027!" });
        Assert.Contains("密码已修改", await change.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/enterprises", Ct)).StatusCode);
    }
}

public sealed class SqliteIdentityTests(TestApp<SqliteTarget> app) : IdentityTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresIdentityTests(TestApp<PostgresTarget> app) : IdentityTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;

internal static class NpgsqlOrSqlite
{
    public static void ClearPools() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
