using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// A claim's decision carried out, one way whoever decides: approved, the person joins the firm (its owner when
/// it has none); rejected, they read why. Audited; the person is told at once.
/// </summary>
public sealed class ClaimAdmission(InnoClusterDbContext db, IFirmAccounts firms, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<ClaimView>> DecideAsync(FirmClaim claim, bool approve, string? byId, string byName, string? reason, CancellationToken cancellationToken)
    {
        if (approve && await firms.PersonAsync(claim.UserId, cancellationToken) is { } person && (person.EnterpriseId is not null || person.ActsForOffice))
        {
            return Problem.Conflict("申请人已代表另一家企业或集群办，不能通过 / the person now acts for another firm or the office");
        }

        if (claim.Decide(approve, byId, byName, reason, clock.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            audit.Add(approve ? "firm-claim-approved" : "firm-claim-rejected", "firm_claims", claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok",
                $"enterprise {claim.EnterpriseId}{(claim.Reason is null ? "" : ": " + claim.Reason)}", byId, byName);
            await db.SaveChangesAsync(cancellationToken);
            if (approve)
            {
                var owner = (await firms.MembersAsync(claim.EnterpriseId, cancellationToken)).Count == 0;
                if ((await firms.JoinAsync(claim.UserId, claim.EnterpriseId, owner, cancellationToken)).Problem is { } problem)
                {
                    return problem;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.TellPeopleAsync([claim.UserId], approve
            ? new Notice($"claim:{claim.Id}:decided", NoticeKind.Decision, $"您已成为{claim.EnterpriseName}的成员", $"You now act for {claim.EnterpriseName}", "/me", null, Urgent: true)
            : new Notice($"claim:{claim.Id}:decided", NoticeKind.Decision, $"您认领{claim.EnterpriseName}的申请未通过", $"Your claim on {claim.EnterpriseName} was rejected", "/me", $"理由 / Reason: {claim.Reason}", Urgent: true),
            cancellationToken);
        return ClaimView.Of(claim);
    }
}
