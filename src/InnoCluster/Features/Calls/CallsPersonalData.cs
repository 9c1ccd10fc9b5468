using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// What the calls hold of a person whose data is erased: their name in applications' histories and on the
/// objections they answered, the name and contact on objections they filed, and their place in the expert pool
/// (named "已注销用户", out of the pool, declared interests dropped). Scores stay, unnamed, so rankings keep their shape.
/// </summary>
public sealed class CallsPersonalData(InnoClusterDbContext db, PersonalData personal) : IPersonalDataHolder
{
    public const string Erased = "已注销用户";

    public async Task<int> EraseAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var step in await db.Set<ApplicationStep>().Where(s => s.ActorId == userId).ToListAsync(cancellationToken))
        {
            step.ActorName = Erased;
            changed++;
        }

        foreach (var objection in await db.Set<Objection>().Where(o => o.FiledById == userId || o.AnsweredById == userId).ToListAsync(cancellationToken))
        {
            if (objection.FiledById == userId)
            {
                (objection.FiledByProtected, objection.ContactProtected) = (personal.Protect(Erased)!, null);
            }

            if (objection.AnsweredById == userId)
            {
                objection.AnsweredBy = Erased;
            }

            changed++;
        }

        foreach (var expert in await db.Set<Expert>().Where(e => e.UserId == userId).ToListAsync(cancellationToken))
        {
            (expert.Name, expert.Affiliation, expert.Interests, expert.Active) = (Erased, "", [], false);
            changed++;
        }

        return changed;
    }
}
