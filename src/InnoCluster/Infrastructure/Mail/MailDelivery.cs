using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Mail;

/// <summary>
/// Delivers the outbox: claims due messages (a lease in the row, so several nodes never send one twice),
/// sends each through the transport, and records the outcome — sent, or failed with the error and the
/// next attempt after a back-off, or a dead letter after <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailDelivery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, ILogger<MailDelivery> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static string Node => ThisNode.Name;

    /// <summary>Sends what is due now; returns how many were sent and how many failed.</summary>
    public async Task<(int Sent, int Failed)> DeliverDueAsync(CancellationToken cancellationToken, int batch = 50)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<IMailTransport>();
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(cancellationToken);
        var (sent, failed) = (0, 0);
        foreach (var id in due)
        {
            // The claim is one conditional UPDATE: of two nodes that saw the same row, one wins; and a row
            // another node has just tried (and released with a later attempt time) is no longer due.
            var until = now + Lease;
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Node).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(MailMessages.Build(options.Value.From, message.To, message.Subject, message.Body, message.MessageId, message.CreatedAt, message.UnsubscribeUrl), cancellationToken);
                message.Delivered(clock.GetUtcNow());
                sent++;
                Telemetry.InnoClusterMetrics.MailSent.Add(1);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Failed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow(), options.Value.MaxAttempts);
                failed++;
                Telemetry.InnoClusterMetrics.MailFailed.Add(1, new KeyValuePair<string, object?>("dead_letter", message.Status == OutboxStatus.DeadLetter));
                logger.LogWarning("Mail {MessageId} to {Destination} failed (attempt {Attempts}, {Status}): {Error}", message.MessageId, transport.Destination, message.Attempts, message.Status, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (sent, failed);
    }
}

/// <summary>Runs <see cref="MailDelivery"/> in the background once the database is ready: when woken, else every poll interval.</summary>
public sealed class MailDeliveryService(MailDelivery delivery, MailSignal signal, DatabasePreparation preparation, IOptions<MailOptions> options, ILogger<MailDeliveryService> logger)
    : PollingService(signal, preparation, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task PassAsync(CancellationToken stoppingToken) => delivery.DeliverDueAsync(stoppingToken);
}
