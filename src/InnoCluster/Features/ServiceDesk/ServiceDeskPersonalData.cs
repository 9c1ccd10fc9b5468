using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// What the desk holds of a person whose data is erased: the contact person and phone of the requests their
/// firm's account filed, and their e-mail as the actor of a request's steps, a reply's draft or sign-off, a
/// co-unit's opinion or a progress report (replaced by "已注销用户", so the history keeps its shape).
/// </summary>
public sealed class ServiceDeskPersonalData(InnoClusterDbContext db) : IPersonalDataHolder
{
    public const string Erased = "已注销用户";

    public async Task<int> EraseAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var appeal in await db.Set<Appeal>().Where(a => a.FiledById == userId && a.Channel == AppealChannel.Platform && (a.ContactNameProtected != null || a.ContactPhoneProtected != null)).ToListAsync(cancellationToken))
        {
            appeal.EraseContact();
            changed++;
        }

        if (email.Length == 0)
        {
            return changed;
        }

        changed += await Rename(db.Set<AppealStep>().Where(s => s.ActorName == email), s => s.ActorName = Erased, cancellationToken);
        changed += await Rename(db.Set<Proposal>().Where(p => p.DraftedBy == email), p => p.DraftedBy = Erased, cancellationToken);
        changed += await Rename(db.Set<Proposal>().Where(p => p.SignedOffBy == email), p => p.SignedOffBy = Erased, cancellationToken);
        changed += await Rename(db.Set<ProposalOpinion>().Where(o => o.By == email), o => o.By = Erased, cancellationToken);
        changed += await Rename(db.Set<CommitmentReport>().Where(r => r.By == email), r => r.By = Erased, cancellationToken);
        return changed;
    }

    private static async Task<int> Rename<T>(IQueryable<T> rows, Action<T> erase, CancellationToken cancellationToken)
    {
        var found = await rows.ToListAsync(cancellationToken);
        found.ForEach(erase);
        return found.Count;
    }
}
