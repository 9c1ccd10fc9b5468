using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Calculator;

/// <summary>
/// The kept profiles of every firm on the real database: a save in this process is read in at once (only that
/// firm), a write this process cannot see (another node's) arrives with the background read once the kept read is
/// a minute old, and a firm that is deleted leaves.
/// </summary>
public abstract class ProfileSnapshotTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected ProfileSnapshotTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<double?> RevenueAsync(DateOnly day, int firm)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().AllAsync(day, Ct);
        return all.SingleOrDefault(p => p.EnterpriseId == firm)?.Revenue ?? (all.Any(p => p.EnterpriseId == firm) ? null : -1);
    }

    [Fact]
    public async Task ASaveHere_IsReadInAtOnce_AndAWritePastThisProcess_ArrivesWithTheBackgroundRead()
    {
        var day = BeijingTime.Today(app.Clock);
        var year = day.Year - 1;
        var firm = await app.WithDbAsync(async db =>
        {
            var enterprise = new Enterprise { Name = $"快照{Guid.NewGuid():N}"[..10], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(), Figures = [new YearlyFigure { Year = year, Revenue = 1_000_000m }] };
            db.Add(enterprise);
            await db.SaveChangesAsync(Ct);
            return enterprise.Id;
        });
        Assert.Equal(1_000_000, await RevenueAsync(day, firm));

        await app.WithDbAsync(async db =>
        {
            (await db.Set<YearlyFigure>().SingleAsync(f => f.EnterpriseId == firm, Ct)).Revenue = 2_000_000m;
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(2_000_000, await RevenueAsync(day, firm));

        // Written past this process's saves, as another node writes: read in at the latest once the kept read is a
        // minute old (sooner when another save sends the snapshot back to the database; test apps share the change log).
        await app.WithDbAsync(db => db.Set<YearlyFigure>().Where(f => f.EnterpriseId == firm).ExecuteUpdateAsync(s => s.SetProperty(f => f.Revenue, 3_000_000m), Ct));
        await RevenueAsync(day, firm);
        app.Clock.Advance(ProfileSnapshot.MaxAge);
        var waited = System.Diagnostics.Stopwatch.StartNew(); // wall time: the app's clock is fake
        while (await RevenueAsync(day, firm) != 3_000_000)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the background read did not bring the write within 60 s");
            await Task.Delay(50, Ct);
        }

        await app.WithDbAsync(async db =>
        {
            db.Remove(await db.Set<Enterprise>().SingleAsync(e => e.Id == firm, Ct));
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(-1, await RevenueAsync(day, firm));
    }
}

public sealed class SqliteProfileSnapshotTests(TestApp<SqliteTarget> app) : ProfileSnapshotTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresProfileSnapshotTests(TestApp<PostgresTarget> app) : ProfileSnapshotTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
