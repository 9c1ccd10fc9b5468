using System.Net;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InnoCluster.Tests.Identity;

public sealed class LowLimitApp : TestApp<SqliteTarget>
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:SignInPerMinute", "5");
        builder.UseSetting("Security:SearchPerMinute", "8");
    }
}

/// <summary>Sign-in and search are rate limited per client address.</summary>
public sealed class RateLimitTests(LowLimitApp app) : IClassFixture<LowLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_PastTheLimit_Is429()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await client.GetAsync("/api/enterprises?q=%E8%8A%AF%E7%89%87", Ct)).StatusCode);
        }

        Assert.Equal(8, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task SignIn_PastTheLimit_Is429()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/account/sign-in", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
