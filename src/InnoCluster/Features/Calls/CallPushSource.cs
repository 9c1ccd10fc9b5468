using System.Globalization;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A published call still taking (or about to take) applications is matched with the calculator's conditions:
/// the firms that meet all of them are told, with the deadline. A firm whose record changed is matched against
/// every such call.
/// </summary>
public sealed class CallPushSource(InnoClusterDbContext db, EligibilityCheck eligibility, TimeProvider clock) : IPushSource
{
    public string Topic => "call";

    public async Task<IReadOnlyList<(int EnterpriseId, Notice Notice)>> NoticesAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = await db.Set<Call>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published && c.ClosesAt > now, cancellationToken);
        if (call is null)
        {
            return [];
        }

        var notice = NoticeOf(call);
        return [.. (await eligibility.FirmsNotRuledOutAsync(call.Conditions, cancellationToken)).Where(f => f.Certain).Select(f => (f.EnterpriseId, notice))];
    }

    public async Task<IReadOnlyList<Notice>> NoticesForFirmAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Set<Call>().AsNoTracking().Where(c => c.Status == CallStatus.Published && c.ClosesAt > now).ToListAsync(cancellationToken);
        var meets = await eligibility.MeetsEachAsync(enterpriseId, [.. open.Select(c => (IReadOnlyList<EligibilityCondition>)c.Conditions)], cancellationToken);
        return meets is null ? [] : [.. open.Where((_, i) => meets[i]).Select(NoticeOf)];
    }

    private static Notice NoticeOf(Call call)
    {
        var closes = call.ClosesAt is { } at ? BeijingTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        return new Notice($"call:{call.Id}", NoticeKind.Call, $"贵企业可申报「{call.Title}」", $"Your firm may apply to “{call.Title}”", $"/calls/{call.Id}",
            $"贵企业符合申报条件，截止时间 {closes}（北京时间）/ your firm meets the conditions; applications close {closes} (Beijing time)");
    }
}
