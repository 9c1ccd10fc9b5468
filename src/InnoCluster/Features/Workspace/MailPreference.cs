using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Workspace;

public enum DigestFrequency
{
    Daily,
    Weekly,

    /// <summary>Unsubscribed: no mail at all, not even deadlines and decisions; the notification centre still shows everything.</summary>
    Never,
}

/// <summary>
/// How a person wants mail: a daily digest by default (per-event mail drowns people), weekly, or none. The
/// token makes the one-click unsubscribe link in every mail; it names the person without signing them in.
/// </summary>
public sealed class MailPreference
{
    public string UserId { get; set; } = "";

    public DigestFrequency Frequency { get; set; }

    public string Token { get; set; } = "";

    public DateTimeOffset? LastDigestAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static MailPreference Default(string userId, DateTimeOffset at) =>
        new() { UserId = userId, Frequency = DigestFrequency.Daily, Token = NewToken(), UpdatedAt = at };

    public bool GetsMail => Frequency != DigestFrequency.Never;

    /// <summary>
    /// Whether the scheduled digest goes out on this Beijing day: daily every day; weekly on Mondays, or on the
    /// first run after a week without one (a missed Monday does not skip a week).
    /// </summary>
    public bool DigestDueOn(DateOnly beijingDay, DateTimeOffset now) => Frequency switch
    {
        DigestFrequency.Daily => true,
        DigestFrequency.Weekly => beijingDay.DayOfWeek == DayOfWeek.Monday || LastDigestAt is not { } last || now - last >= TimeSpan.FromDays(7),
        _ => false,
    };

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> b)
    {
        b.ToTable("mail_preferences");
        b.HasKey(p => p.UserId);
        b.HasIndex(p => p.Token).IsUnique();
        b.Property(p => p.UserId).HasMaxLength(64);
        b.Property(p => p.Token).HasMaxLength(40);
        b.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(10);
    }
}
