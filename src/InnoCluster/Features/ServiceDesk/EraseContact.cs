using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// The office erases the contact person of a request or a reply on that person's request (a 12345 caller has
/// no account to erase): name and phone go, the request and its history stay, and the erasure is audited.
/// </summary>
public sealed class EraseContact(InnoClusterDbContext db, AuditTrail audit)
{
    public async Task<Result> OfAppealAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Appeal>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } appeal)
        {
            return Problem.NotFound("没有这件诉求 / no such request");
        }

        appeal.EraseContact();
        return await SavedAsync("appeals", id, cancellationToken);
    }

    public async Task<Result> OfProposalAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } proposal)
        {
            return Problem.NotFound("没有这件建议提案 / no such proposal");
        }

        proposal.EraseContact();
        return await SavedAsync("proposals", id, cancellationToken);
    }

    private async Task<Result> SavedAsync(string subject, int id, CancellationToken cancellationToken)
    {
        audit.Add("contact-erased", subject, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", null);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
