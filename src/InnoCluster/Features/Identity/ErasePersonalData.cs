using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Erases the person's personal data (PIPL art. 47): contact fields emptied, the e-mail replaced,
/// sessions and tokens ended, mail to them deleted from the outbox, and what other features hold of them
/// (a request's contact person, their name in a history) erased too. The account row stays so the audit trail keeps its referent.
/// </summary>
public sealed class ErasePersonalData(
    UserManager<AppUser> users,
    TimeProvider clock,
    PersonalAccessTokens tokens,
    AuditTrail audit,
    InnoCluster.Infrastructure.Data.InnoClusterDbContext db,
    IEnumerable<InnoCluster.Infrastructure.IPersonalDataHolder> holders)
{
    public async Task<Result> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problem.NotFound();
        }

        // Mail to the person, sent or still queued, goes too: it holds their address and what they were told.
        var address = user.Email;
        await db.Set<InnoCluster.Infrastructure.Mail.OutboxMessage>().Where(m => m.To == address).ExecuteDeleteAsync(cancellationToken);
        var held = 0;
        foreach (var holder in holders)
        {
            held += await holder.EraseAsync(user.Id, address ?? "", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var placeholder = $"erased-{user.Id}@invalid.example";
        user.Email = placeholder;
        user.UserName = placeholder;
        user.DisplayName = "已注销用户 / erased account";
        user.PhoneProtected = null;
        user.IdNumberProtected = null;
        user.Organisation = null;
        user.TotpSecretProtected = null;
        user.PasswordHash = null;
        user.ErasedAt = clock.GetUtcNow();
        await users.UpdateNormalizedEmailAsync(user);
        await users.UpdateNormalizedUserNameAsync(user);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("personal-data-erased", "users", userId, "ok", held > 0 ? $"{held} records in other features" : null, cancellationToken);
        return Result.Ok();
    }
}
