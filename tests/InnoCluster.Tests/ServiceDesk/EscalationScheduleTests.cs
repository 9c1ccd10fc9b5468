using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>The platform with its daily 督办 at 09:00 Beijing time.</summary>
public sealed class DailyEscalationApp : TestApp<SqliteTarget>
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("ServiceDesk:Escalate:At", "09:00");
}

/// <summary>The daily 督办 runs inside the platform at its time, as one job for the day.</summary>
public sealed class EscalationScheduleTests(DailyEscalationApp app) : IClassFixture<DailyEscalationApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtItsTime_TheDaysEscalationRunsAsOneJob()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        BackgroundJob? job = null;
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            job = await app.WithDbAsync(db => db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Kind == AppealEscalationJob.KindName && j.State == JobState.Succeeded, Ct));
            if (job is not null)
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        Assert.NotNull(job);
        Assert.StartsWith("appeal-escalation:", job.UniqueKey, StringComparison.Ordinal);
        Assert.Contains("\"appeals\":", job.Result, StringComparison.Ordinal);
    }
}
