using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InnoCluster.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>Intent methods for tests that need people: create an account, sign in as it, get a token.</summary>
public static partial class TestUsers
{
    public const string Password = "Cluster-Test-2026!";

    public sealed record Account(string Id, string Email, string Password, string? TotpSecret);

    public static async Task<Account> CreateAsync<TTarget>(TestApp<TTarget> app, string[] roles, int? enterpriseId = null, string? department = null, bool? totp = null, string? phone = null)
        where TTarget : DatabaseTarget, new()
    {
        await using var scope = app.Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        var email = $"{string.Join("-", roles.DefaultIfEmpty("none")).ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var made = await accounts.CreateAsync(new Accounts.NewAccount(email, "测试 " + string.Join("/", roles), roles, enterpriseId, department, Phone: phone), CancellationToken.None);
        Assert.True(made.Succeeded, made.Problem?.Message);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(made.Value!.SetPasswordLink).Query);
        var set = await scope.ServiceProvider.GetRequiredService<SetPassword>().RunAsync(query["uid"]!, query["token"]!, Password, CancellationToken.None);
        Assert.True(set.Succeeded, set.Problem?.Message);
        var created = made.Value;

        string? secret = null;
        var needsTotp = totp ?? roles.Any(new SecurityOptions().MfaRoles.Contains);
        if (needsTotp)
        {
            var service = scope.ServiceProvider.GetRequiredService<Totp>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(created.User.Id))!;
            secret = service.NewSecret();
            user.TotpSecretProtected = service.Protect(secret);
            user.TwoFactorEnabled = true;
            await users.UpdateAsync(user);
        }

        return new Account(created.User.Id, email, Password, secret);
    }

    /// <summary>A client signed in through the real pages: the password form, then the one-time code.</summary>
    public static async Task<HttpClient> SignInAsync<TTarget>(TestApp<TTarget> app, Account account)
        where TTarget : DatabaseTarget, new()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PostFormAsync(client, "/account/sign-in", new() { ["email"] = account.Email, ["password"] = account.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.Contains("two-factor", StringComparison.Ordinal) == true)
        {
            // Each sign-in needs a fresh 30-second step: a code is accepted once.
            app.Clock.Advance(TimeSpan.FromSeconds(31));
            var code = CodeNow(app, account.TotpSecret!);
            using var second = await PostFormAsync(client, "/account/two-factor", new() { ["code"] = code, ["returnUrl"] = "/" });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal("/", second.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }

        return client;
    }

    public static string CodeNow<TTarget>(TestApp<TTarget> app, string secret)
        where TTarget : DatabaseTarget, new() =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    public static async Task<HttpClient> TokenClientAsync<TTarget>(TestApp<TTarget> app, Account account, int days = 30)
        where TTarget : DatabaseTarget, new()
    {
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(account.Id, "test", days, CancellationToken.None);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

    /// <summary>Posts a page's form the way a browser does: GET it, take its antiforgery token, POST.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        var target = handler is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// An API write from a signed-in browser session, as the pages' scripts send it: the antiforgery token
    /// (read from the account page) in the RequestVerificationToken header beside the session cookie.
    /// </summary>
    public static async Task<HttpResponseMessage> SessionApiAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var page = await client.GetStringAsync("/account");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "/account has no antiforgery token");
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
