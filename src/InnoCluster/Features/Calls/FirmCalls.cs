using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// "My calls" for a firm's workspace: the published calls still taking applications that its record does not
/// rule out (eligible, or open on a fact it has not given), soonest deadline first; and its applications with
/// where each stands.
/// </summary>
[FeatureContract]
public sealed class FirmCalls(InnoClusterDbContext db, EligibilityCheck eligibility, TimeProvider clock)
{
    public sealed record OpenCall(int CallId, string Title, DateTimeOffset? ClosesAt, bool? Eligible, IReadOnlyList<string> Open, int? ApplicationId);

    public sealed record Application(int Id, int CallId, string CallTitle, string ProjectTitle, string Status, DateTimeOffset? CorrectionDueAt, string? ReturnReason);

    public sealed record Answer(IReadOnlyList<OpenCall> Calls, IReadOnlyList<Application> Applications);

    /// <summary>
    /// The open calls a firm's record does not rule out, soonest deadline first; on its public record only (the
    /// public self-check), its own figures are left out and conditions on them stay open.
    /// </summary>
    public async Task<IReadOnlyList<OpenCall>> OpenCallsAsync(int enterpriseId, bool publicRecordOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Set<Call>().AsNoTracking().Where(c => c.Status == CallStatus.Published && c.ClosesAt > now).OrderBy(c => c.ClosesAt).ToListAsync(cancellationToken);
        var calls = new List<OpenCall>();
        foreach (var call in open)
        {
            if (await eligibility.CheckAsync(enterpriseId, call.Conditions, cancellationToken, publicRecordOnly) is { Eligible: not false } answer)
            {
                calls.Add(new OpenCall(call.Id, call.Title, call.ClosesAt, answer.Eligible, [.. answer.Open.Select(r => r.Condition)], null));
            }
        }

        return calls;
    }

    public async Task<Answer> RunAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var applications = await (from a in db.Set<CallApplication>().AsNoTracking()
                                  join c in db.Set<Call>() on a.CallId equals c.Id
                                  where a.EnterpriseId == enterpriseId
                                  orderby a.Id descending
                                  select new Application(a.Id, c.Id, c.Title, a.ProjectTitle, a.Status.ToString(), a.CorrectionDueAt, a.ReturnReason)).ToListAsync(cancellationToken);
        var calls = await OpenCallsAsync(enterpriseId, publicRecordOnly: false, cancellationToken);
        return new Answer([.. calls.Select(c => c with { ApplicationId = applications.Find(a => a.CallId == c.CallId)?.Id })], applications);
    }
}
