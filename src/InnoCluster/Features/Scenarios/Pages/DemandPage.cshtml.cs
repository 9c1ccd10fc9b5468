using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios.Pages;

/// <summary>
/// One demand: its text and terms; the ranked matches with the evidence highlighted (officials pin or
/// exclude, officials and the owner propose a pair); the pairs in the pipeline, moved one stage at a time.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class DemandPageModel(DemandQueries queries, PublishDemand publish, CloseDemand close, MatchFinder finder, MatchDecisions decisions, ProposeDocking propose, MoveDocking move, ListDemandPairs pairs, ScenarioLists lists) : PageModel
{
    public DemandQueries.Details Demand { get; private set; } = default!;

    public MatchFinder.Result? Matches { get; private set; }

    public IReadOnlyList<ListDemandPairs.Pair> Pairs { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    /// <summary>The lists issued so far, offered when publishing (so one batch keeps one name).</summary>
    public IReadOnlyList<string> ListNames { get; private set; } = [];

    /// <summary>Officials and the demand's owner run its pipeline.</summary>
    public bool RunsPipeline => IsOfficial || Demand.IsOwner;

    private ScenarioActor? Actor => User.Identity?.IsAuthenticated == true ? ScenariosFeature.Actor(User) : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int id, string? sector, string? list, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        var published = await publish.RunAsync(id, string.IsNullOrWhiteSpace(sector) ? null : sector, cancellationToken, list, ScenarioActor.Of(User).Name);
        return await AfterAsync(id, published, "", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        return await AfterAsync(id, await close.RunAsync(id, cancellationToken), "", cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, string candidate, string decision, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        return Enum.TryParse<MatchDecisionKind>(decision, out var kind) && await decisions.DecideAsync(id, candidate, kind, ScenariosFeature.Actor(User), cancellationToken)
            ? Redirect($"/demands/{id}#matches")
            : NotFound();
    }

    public async Task<IActionResult> OnPostProposeAsync(int id, string candidate, CancellationToken cancellationToken)
    {
        if (Actor is not { } actor || MatchFinder.Parse(candidate) is not { } parsed)
        {
            return Forbid();
        }

        var proposal = parsed.Kind == CandidateKind.Solution
            ? new ProposeDocking.Proposal(id, null, parsed.Id, null)
            : new ProposeDocking.Proposal(id, parsed.Id, null, null);
        var proposed = await propose.RunAsync(proposal, actor, cancellationToken);
        return await AfterAsync(id, proposed.Problem is { } problem ? problem : Result.Ok(), "#pipeline", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int docking, string stage, CancellationToken cancellationToken)
    {
        if (Actor is not { } actor || !Enum.TryParse<DockingStage>(stage, out var to))
        {
            return Forbid();
        }

        return await AfterAsync(id, await move.RunAsync(docking, to, null, null, actor, cancellationToken), "#pipeline", cancellationToken);
    }

    /// <summary>Back to the demand when the use case succeeded; else its 404/403, or the page with the problem shown.</summary>
    private async Task<IActionResult> AfterAsync(int id, Result result, string anchor, CancellationToken cancellationToken)
    {
        if (result.Problem is not { } problem)
        {
            return Redirect($"/demands/{id}{anchor}");
        }

        if (problem.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problem = problem.Text;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, Actor, cancellationToken) is not { } demand)
        {
            return false;
        }

        Demand = demand;
        ListNames = IsOfficial ? await lists.RecentNamesAsync(cancellationToken) : [];
        Matches = await finder.ForDemandAsync(id, 10, cancellationToken);
        if (Matches is not null && !IsOfficial)
        {
            Matches = Matches with { Excluded = [] };
        }

        Pairs = await pairs.RunAsync(id, Actor, cancellationToken) ?? [];
        return true;
    }
}
