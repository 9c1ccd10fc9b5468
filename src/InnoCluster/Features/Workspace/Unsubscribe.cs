using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>The link at the foot of every mail: no sign-in, one click, and no more mail of any kind.</summary>
public sealed class Unsubscribe(InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The one-click unsubscribe of every mail (RFC 8058): the token names the person; an unknown token is not found.</summary>
    public async Task<Result> RunAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40
            || await db.Set<MailPreference>().SingleOrDefaultAsync(p => p.Token == token, cancellationToken) is not { } preference)
        {
            return Problem.NotFound("退订链接无效 / this unsubscribe link is not valid");
        }

        if (preference.Frequency != DigestFrequency.Never)
        {
            preference.Frequency = DigestFrequency.Never;
            preference.UpdatedAt = clock.GetUtcNow();
            audit.Add("mail-unsubscribed", "mail_preferences", preference.UserId, "ok", "one-click", preference.UserId, "unsubscribe link");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Ok();
    }
}
