using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// Reads calls and applications for a reader, with the one rule of who sees an application: the office all;
/// a firm its own; a 板块 (a department account whose unit names the 板块) its firms' submitted applications
/// when the call asks 板块 to recommend; an expert only an application assigned to them and not recused from.
/// </summary>
public sealed class CallRecords(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Loaded(CallApplication Application, Call Call, ReviewAssignment? MyAssignment, Expert? Me);

    public Task<Call?> CallAsync(int id, CancellationToken cancellationToken) => db.Set<Call>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>A call the reader may see: a public one, or any for the office.</summary>
    public async Task<Call?> VisibleCallAsync(int id, CallActor actor, CancellationToken cancellationToken) =>
        await CallAsync(id, cancellationToken) is { } call && (call.IsPublic || actor.IsOfficial) ? call : null;

    public Task<Expert?> ExpertOfAsync(CallActor actor, CancellationToken cancellationToken) =>
        actor.IsExpert ? db.Set<Expert>().SingleOrDefaultAsync(e => e.UserId == actor.UserId && e.Active, cancellationToken) : Task.FromResult<Expert?>(null);

    /// <summary>The 板块 a department account speaks for: its unit is the 板块's name or alias, or begins with it (苏州工业园区管委会).</summary>
    public async Task<int?> DistrictOfAsync(CallActor actor, CancellationToken cancellationToken)
    {
        if (actor.Unit is not { Length: > 0 } unit)
        {
            return null;
        }

        var districts = await registry.DistrictsAsync(cancellationToken);
        return districts.FirstOrDefault(d => d.AllNames.Any(n => unit == n || unit.StartsWith(n, StringComparison.Ordinal)))?.Id;
    }

    /// <summary>The application with its call, when the reader may see it; null otherwise (the API answers 404 alike).</summary>
    public async Task<Loaded?> ApplicationAsync(int id, CallActor actor, CancellationToken cancellationToken)
    {
        var application = await db.Set<CallApplication>().Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || await CallAsync(application.CallId, cancellationToken) is not { } call)
        {
            return null;
        }

        if (actor.IsOfficial || (actor.EnterpriseId is { } firm && firm == application.EnterpriseId))
        {
            return new(application, call, null, null);
        }

        if (actor.Unit is not null && call.NeedsDistrictRecommendation && application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn)
            && application.DistrictId is { } district && district == await DistrictOfAsync(actor, cancellationToken))
        {
            return new(application, call, null, null);
        }

        if (await ExpertOfAsync(actor, cancellationToken) is { } me
            && await db.Set<ReviewAssignment>().Include(r => r.Sheets).SingleOrDefaultAsync(r => r.ApplicationId == id && r.ExpertId == me.Id, cancellationToken) is { } mine
            && mine.Status != AssignmentStatus.Recused)
        {
            return new(application, call, mine, me);
        }

        return null;
    }

    /// <summary>The reviews of an application as the reader may see them: all, named, for the office; an expert only their own.</summary>
    public async Task<IReadOnlyList<ApplicationView.Review>> ReviewsAsync(Loaded loaded, CallActor actor, CancellationToken cancellationToken)
    {
        if (loaded.MyAssignment is { } mine)
        {
            return [ApplicationView.ReviewOf(mine, loaded.Me!.Name)];
        }

        if (!actor.IsOfficial)
        {
            return [];
        }

        var reviews = await db.Set<ReviewAssignment>().AsNoTracking().Include(r => r.Sheets).Where(r => r.ApplicationId == loaded.Application.Id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = reviews.Select(r => r.ExpertId).ToList();
        var names = await db.Set<Expert>().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return [.. reviews.Select(r => ApplicationView.ReviewOf(r, names.GetValueOrDefault(r.ExpertId)))];
    }

    public async Task<ApplicationView> ViewAsync(Loaded loaded, CallActor actor, CancellationToken cancellationToken) =>
        ApplicationView.Of(loaded.Application, await ReviewsAsync(loaded, actor, cancellationToken), loaded.MyAssignment is not null,
            loaded.Application.Candidate?.ChainNodeId is { } node ? (await registry.ChainNodesAsync(cancellationToken)).FirstOrDefault(n => n.Id == node) : null);
}
