using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>Every attempt failed: kept with its last error for the security admin to retry or drop.</summary>
    DeadLetter = 2,
}

/// <summary>
/// A message to a person, kept until it is delivered: the outbox is the queue. A node claims a message
/// for a while (<see cref="ClaimedUntil"/>) before sending it, so two nodes never send it twice.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>Set-password links live here: the audit trail records only that it changed.</summary>
    [Auditing.Sensitive]
    public string Body { get; set; } = "";

    /// <summary>The one-click unsubscribe link a digest or notice carries (List-Unsubscribe); null for personal messages.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The Message-ID header, fixed when queued: a retry after an unclear failure is recognisably the same message.</summary>
    public string MessageId { get; set; } = "";

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>After a failed attempt: 1 min, 5 min, 30 min, 2 h, then 12 h between attempts.</summary>
    public static TimeSpan BackOff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(12),
    };

    public void Delivered(DateTimeOffset at)
    {
        Status = OutboxStatus.Sent;
        Attempts++;
        SentAt = at;
        LastError = null;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    public void Failed(string error, DateTimeOffset at, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        Status = Attempts >= maxAttempts ? OutboxStatus.DeadLetter : OutboxStatus.Pending;
        NextAttemptAt = at + BackOff(Attempts);
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    /// <summary>The security admin sends a dead letter again (after fixing the relay or the address).</summary>
    public bool Retry(DateTimeOffset at)
    {
        if (Status != OutboxStatus.DeadLetter)
        {
            return false;
        }

        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        return true;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.UnsubscribeUrl).HasMaxLength(500);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
    }
}
