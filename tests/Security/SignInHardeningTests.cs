using System.Net;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.SecurityTests;

/// <summary>The password hasher, counting how often it is asked to verify.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The platform with its password hasher counted.</summary>
public sealed class CountingHasherApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new()
{
    public CountingHasher Hasher { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
}

/// <summary>
/// The door itself (issue 22): a return address with a control character, a forged X-Forwarded-For from
/// the machine itself, and a locked account that would answer faster than any other.
/// </summary>
public abstract class SignInHardeningTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly CountingHasherApp<TTarget> app;

    protected SignInHardeningTests(CountingHasherApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/\u0001evil")]
    [InlineData("/plans\r\nSet-Cookie: x=1")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task ReturnUrl_ThatIsNotAPlainLocalPath_GoesHome_AfterTheRightPassword(string returnUrl)
    {
        var owner = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        using var response = await TestUsers.PostFormAsync(Browser(), "/account/sign-in", new() { ["email"] = owner.Email, ["password"] = owner.Password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedClientOnThisMachine_IsIgnored()
    {
        var bogus = "ic_" + new string('x', 43);
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/me";
            c.Request.Headers.Authorization = "Bearer " + bogus;
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        }, Ct);
        Assert.Equal(401, context.Response.StatusCode);

        var addresses = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "token-refused").Select(e => e.Address).ToListAsync(Ct));
        Assert.NotEmpty(addresses);
        Assert.DoesNotContain("203.0.113.9", addresses);
        Assert.Contains("127.0.0.1", addresses);
    }

    [Fact]
    public async Task LockedAccount_CostsAPasswordHash_LikeAnUnknownOne()
    {
        var victim = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var client = Browser();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = victim.Email, ["password"] = "Wrong-Password-1!", ["returnUrl"] = "/" });
        }

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(victim.Id))!));
        }

        async Task<int> HashesForAsync(string email)
        {
            var before = app.Hasher.Verifications;
            using var response = await TestUsers.PostFormAsync(client, "/account/sign-in", new() { ["email"] = email, ["password"] = "Any-Password-1!", ["returnUrl"] = "/" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return app.Hasher.Verifications - before;
        }

        Assert.Equal(1, await HashesForAsync($"nobody-{Guid.NewGuid():N}@example.test"));
        Assert.Equal(1, await HashesForAsync(victim.Email));
    }
}

public sealed class SqliteSignInHardeningTests(CountingHasherApp<SqliteTarget> app) : SignInHardeningTests<SqliteTarget>(app), IClassFixture<CountingHasherApp<SqliteTarget>>;

public sealed class PostgresSignInHardeningTests(CountingHasherApp<PostgresTarget> app) : SignInHardeningTests<PostgresTarget>(app), IClassFixture<CountingHasherApp<PostgresTarget>>;
