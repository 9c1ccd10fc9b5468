using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Infrastructure;

/// <summary>This process, as it names itself in the leases it takes (mail, jobs): host and process id.</summary>
public static class ThisNode
{
    public static readonly string Name = $"{Environment.MachineName}:{Environment.ProcessId}";
}

/// <summary>Wakes a background loop when there is new work, so it does not wait for its next poll.</summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken by another request.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A background loop that does one pass of work once the database is ready, then waits to be woken or for
/// its poll interval. A failed pass (the database away for a restart, a full disk) is logged and tried again
/// at the next poll: the loop never stops.
/// </summary>
public abstract class PollingService(WakeSignal signal, DatabasePreparation preparation, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan PollInterval { get; }

    protected abstract Task PassAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (preparation.IsReady)
                {
                    await PassAsync(stoppingToken);
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Service} pass failed", GetType().Name);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
