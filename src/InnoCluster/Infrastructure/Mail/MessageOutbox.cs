using InnoCluster.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Mail;

/// <summary>Messages to people (set-password links, invitations, 催报 reminders). Queued, then delivered by <see cref="MailDelivery"/>.</summary>
public interface IMessageOutbox
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Queues a message in the outbox table, in the caller's unit of work (a reminder that is not saved is
/// not sent), and wakes the delivery loop. Nothing is sent inside the request: a slow or absent relay
/// never holds a user up, and a message survives a restart.
/// </summary>
public sealed class QueuedMessageOutbox(InnoClusterDbContext db, TimeProvider clock, IOptions<MailOptions> options, MailSignal signal) : IMessageOutbox
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            MessageId = MailMessages.NewMessageId(options.Value.From),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }
}

/// <summary>Wakes the delivery loop when a message is queued, so it does not wait for the next poll.</summary>
public sealed class MailSignal : WakeSignal;
