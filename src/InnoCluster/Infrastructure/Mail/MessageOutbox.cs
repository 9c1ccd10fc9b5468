using InnoCluster.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Mail;

/// <summary>Messages to people (set-password links, invitations, 催报 reminders). Queued, then delivered by <see cref="MailDelivery"/>.</summary>
public interface IMessageOutbox
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);

    /// <summary>Queues many messages in one save (a digest run); each may carry its one-click unsubscribe link.</summary>
    Task SendManyAsync(IReadOnlyCollection<OutgoingMail> mails, CancellationToken cancellationToken);
}

/// <summary>A message to queue; with an unsubscribe link, the mail carries List-Unsubscribe and its one-click POST (RFC 8058).</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? UnsubscribeUrl = null);

/// <summary>
/// Queues a message in the outbox table, in the caller's unit of work (a reminder that is not saved is
/// not sent), and wakes the delivery loop. Nothing is sent inside the request: a slow or absent relay
/// never holds a user up, and a message survives a restart.
/// </summary>
public sealed class QueuedMessageOutbox(InnoClusterDbContext db, TimeProvider clock, IOptions<MailOptions> options, MailSignal signal) : IMessageOutbox
{
    private const int BulkFrom = 100;

    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) =>
        SendManyAsync([new OutgoingMail(to, subject, body)], cancellationToken);

    public async Task SendManyAsync(IReadOnlyCollection<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var messages = mails.Select(mail => new OutboxMessage
        {
            To = mail.To,
            Subject = mail.Subject,
            Body = mail.Body,
            UnsubscribeUrl = mail.UnsubscribeUrl,
            MessageId = MailMessages.NewMessageId(options.Value.From),
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        if (messages.Count >= BulkFrom)
        {
            // A digest run: written in bulk, in the caller's transaction; the caller's own changes are saved too.
            await BulkInsert.InsertAsync(db, messages, withKeys: false, cancellationToken);
        }
        else
        {
            db.AddRange(messages);
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }
}

/// <summary>Wakes the delivery loop when a message is queued, so it does not wait for the next poll.</summary>
public sealed class MailSignal : WakeSignal;
