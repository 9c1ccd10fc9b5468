using InnoCluster.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCluster.BrowserTests;

/// <summary>Accounts made the way an administrator makes them (set-password link, optional authenticator), and signing in through the pages.</summary>
public static class BrowserAccounts
{
    public const string Password = "Browser-Test-2026!";

    /// <summary>An account's e-mail and, when it has an authenticator, the secret its codes come from.</summary>
    public sealed record Account(string Email, string? Secret);

    public static async Task<Account> CreateAsync(BrowserApp app, string role, string displayName = "浏览器测试", int? enterpriseId = null, string? department = null, bool totp = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var made = await accounts.CreateAsync(new Accounts.NewAccount(email, displayName, [role], enterpriseId, department), CancellationToken.None);
        Assert.True(made.Succeeded, made.Problem?.Message);
        var created = made.Value!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(created.SetPasswordLink).Query);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SetPassword>().RunAsync(query["uid"]!, query["token"]!, Password, CancellationToken.None)).Succeeded);
        if (!totp)
        {
            return new Account(email, null);
        }

        var authenticator = scope.ServiceProvider.GetRequiredService<Totp>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(created.User.Id))!;
        var secret = authenticator.NewSecret();
        user.TotpSecretProtected = authenticator.Protect(secret);
        await users.UpdateAsync(user);
        return new Account(email, secret);
    }

    /// <summary>Signs in like a person: e-mail, password, then the authenticator's code when the account has one.</summary>
    public static async Task SignInAsync(IPage page, Account account)
    {
        // Requests the page started and that never finished: what a "stuck" sign-in was waiting for.
        var pending = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, DateTimeOffset>();
        void Started(object? sender, IRequest request) => pending[request] = TimeProvider.System.GetUtcNow();
        void Ended(object? sender, IRequest request) => pending.TryRemove(request, out _);
        page.Request += Started;
        page.RequestFinished += Ended;
        page.RequestFailed += Ended;
        try
        {
            await SignInStepsAsync(page, account);
        }
        catch (TimeoutException e)
        {
            // Say where it stuck and what the page said (a refusal, a rate limit …), not only that it timed out.
            var shown = await page.Locator("main").CountAsync() > 0 ? await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }) : await page.ContentAsync();
            var waiting = string.Join(", ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} since {p.Value:HH:mm:ss}"));
            throw new InvalidOperationException($"sign-in of {account.Email} stuck at {page.Url} (unfinished requests: {(waiting.Length == 0 ? "none" : waiting)}): {shown[..Math.Min(shown.Length, 2000)]}", e);
        }
        finally
        {
            page.Request -= Started;
            page.RequestFinished -= Ended;
            page.RequestFailed -= Ended;
        }
    }

    private static async Task SignInStepsAsync(IPage page, Account account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("邮箱").FillAsync(account.Email);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        if (account.Secret is { } secret)
        {
            await page.WaitForURLAsync("**/account/two-factor**");
            await page.GetByLabel("验证码").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 10_000 });
            }
            catch (TimeoutException) when (page.Url.Contains("/account/two-factor", StringComparison.Ordinal) || !page.Url.Contains("/account/", StringComparison.Ordinal))
            {
                // Still on the code page; or (seen under load) the browser left it just as the wait gave up.
            }

            var left = !page.Url.Contains("/account/", StringComparison.Ordinal);

            if (!left && await page.GetByRole(AriaRole.Alert).CountAsync() == 0)
            {
                // The press did not submit the form (seen rarely under load: no request, no refusal): press again, as a person would.
                // Under load the first press may still land while this one waits for the field: then the browser has left the page, and that is done.
                try
                {
                    await page.GetByLabel("验证码").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp());
                    await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
                }
                catch (TimeoutException) when (!page.Url.Contains("/account/", StringComparison.Ordinal))
                {
                }
            }
        }

        // Signed in once the browser has left the account pages with its session cookie; waiting for the
        // landing page's full load (the chain map's scripts) only adds time under load.
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }
}
