using InnoCluster.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InnoCluster.Tests.Infrastructure;

/// <summary>
/// The real application in memory (WebApplicationFactory) on a real database: migrations and the seed
/// dataset applied at start, exactly as `scripts/run.sh` does. Tests talk to it through HttpClient.
/// </summary>
public class TestApp<TTarget> : WebApplicationFactory<Program>, IAsyncLifetime
    where TTarget : DatabaseTarget, new()
{
    public TTarget Database { get; } = new();

    /// <summary>The app's clock: starts at the real time and moves only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Every log line the app writes, to check that no secret ever reaches a log.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("InnoCluster:DataDirectory", Database.DataDirectory);
        builder.UseSetting("InnoCluster:SeedDirectory", TestPaths.Seed);
        // The in-memory test server speaks plain HTTP, where Secure cookies are not sent back.
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("Security:SignInPerMinute", "100000");
        builder.UseSetting("Security:SearchPerMinute", "100000");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        Configure(builder);
    }

    /// <summary>Settings a particular fixture needs on top of the defaults.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public ValueTask InitializeAsync()
    {
        if (Database.Available)
        {
            _ = Server; // starts the host: migrations + seed
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A scope with the app's services, for arranging data and checking the database directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<InnoClusterDbContext, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>());
    }

    /// <summary>Delivers the mail queued so far (the background loop may be sending some already) and waits until none is pending.</summary>
    public async Task FlushMailAsync()
    {
        var delivery = Services.GetRequiredService<InnoCluster.Infrastructure.Mail.MailDelivery>();
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time: the app\'s clock is fake
        var limit = TimeSpan.FromSeconds(30);
        while (true)
        {
            await delivery.DeliverDueAsync(CancellationToken.None);
            var pending = await WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Set<InnoCluster.Infrastructure.Mail.OutboxMessage>(), m => m.Status == InnoCluster.Infrastructure.Mail.OutboxStatus.Pending && m.NextAttemptAt <= Clock.GetUtcNow()));
            if (pending == 0)
            {
                return;
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"{pending} messages still pending");
            }

            await Task.Delay(50);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
