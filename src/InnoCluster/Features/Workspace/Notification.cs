using InnoCluster.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Workspace;

/// <summary>What a notice is about, for its icon, its filter and whether it is mailed at once.</summary>
[FeatureContract]
public enum NoticeKind
{
    Policy,
    Call,
    Demand,
    Solution,
    Claim,
    Application,
    Deadline,
    Decision,
    Search,
}

/// <summary>
/// One thing a person is told, in the workspace's notification centre: once per person and subject
/// (<see cref="Key"/>), read or not, and whether the mail has taken it (at once when urgent, else in the digest).
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The subject ("clause:12", "call:3", "claim:7:approved"): a person is told about it once.</summary>
    public string Key { get; set; } = "";

    public NoticeKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string TitleEn { get; set; } = "";

    /// <summary>Why it reached this person ("贵企业符合全部条件"), in Chinese and English, "中文 / English".</summary>
    public string? Reason { get; set; }

    /// <summary>The site path to open ("/calls/3").</summary>
    public string Link { get; set; } = "";

    /// <summary>Deadlines and decisions: mailed at once instead of in the digest.</summary>
    public bool Urgent { get; set; }

    /// <summary>The firm the person was told as a member of; null when told as themselves.</summary>
    public int? EnterpriseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the mail took it (a digest, or at once); also set, without a mail, for a person who gets none.</summary>
    public DateTimeOffset? MailedAt { get; set; }

    public const int MaxKey = 120;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.MailedAt, n.UserId });
        b.Property(n => n.UserId).HasMaxLength(64);
        b.Property(n => n.Key).HasMaxLength(Notification.MaxKey);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Title).HasMaxLength(400);
        b.Property(n => n.TitleEn).HasMaxLength(400);
        b.Property(n => n.Reason).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(400);
    }
}
