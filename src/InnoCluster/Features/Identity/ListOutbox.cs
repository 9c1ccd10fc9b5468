using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>The security admin sees the mail queue: what is waiting, what was sent, what failed and why (never the bodies, which hold links).</summary>
public sealed class ListOutbox(InnoClusterDbContext db)
{
    public sealed record MessageView(long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed record Summary(int Pending, int Sent, int DeadLetter, IReadOnlyList<MessageView> Messages);

    public async Task<Summary> RunAsync(OutboxStatus? status, int take, CancellationToken cancellationToken)
    {
        var counts = await db.Set<OutboxMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var messages = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => status == null || m.Status == status)
            .OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 500))
            .Select(m => new MessageView(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new Summary(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.DeadLetter), messages);
    }
}
