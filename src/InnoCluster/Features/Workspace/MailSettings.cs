using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>A person reads and sets how they get mail: daily digest (the default), weekly, or none.</summary>
public sealed class MailSettings(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record View(DigestFrequency Frequency, DateTimeOffset? LastDigestAt);

    public sealed record Request(string? Frequency);

    public async Task<View> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var preference = (await MailPreferences.ForAsync(db, [userId], clock.GetUtcNow(), cancellationToken))[userId];
        return new View(preference.Frequency, preference.LastDigestAt);
    }

    public async Task<Result<View>> SetAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DigestFrequency>(request.Frequency, ignoreCase: true, out var frequency) || !Enum.IsDefined(frequency))
        {
            return Problem.Invalid("frequency", "请选择 daily（每日汇总）、weekly（每周汇总）或 never（不接收邮件）/ choose daily, weekly or never");
        }

        var preference = (await MailPreferences.ForAsync(db, [userId], clock.GetUtcNow(), cancellationToken))[userId];
        preference.Frequency = frequency;
        preference.UpdatedAt = clock.GetUtcNow();
        audit.Add("mail-settings-changed", "mail_preferences", userId, "ok", frequency.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new View(preference.Frequency, preference.LastDigestAt);
    }
}
