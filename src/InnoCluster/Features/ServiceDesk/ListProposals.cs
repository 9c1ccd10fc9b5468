using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The proposals a reader may see, newest first, by status, unit and session; with their commitments' progress.</summary>
public sealed class ListProposals(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Query(ProposalStatus? Status, string? Unit, string? Session, int? Page, int? PageSize);

    public sealed record Item(int Id, ProposalKind Kind, string Session, int? Number, string Proposer, string Title, string LeadUnit, ProposalStatus Status,
        DateOnly? DueOn, bool Overdue, ProposalOutcome? Outcome, Satisfaction? ProposerSatisfaction, int Commitments, int CommitmentsDone);

    public sealed record Result(int Total, int Page, int PageSize, IReadOnlyList<Item> Items);

    public async Task<Result> RunAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var today = WorkingCalendar.BeijingDay(actor.Now);
        var proposals = db.Set<Proposal>().AsNoTracking();
        if (!actor.IsDesk)
        {
            var unit = actor.Unit ?? "";
            proposals = proposals.Where(p => p.LeadUnit == unit || p.CoUnits.Contains(unit) || p.Commitments.Any(c => c.Unit == unit));
        }

        if (query.Status is { } status)
        {
            proposals = proposals.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            var unit = query.Unit.Trim();
            proposals = proposals.Where(p => p.LeadUnit == unit || p.CoUnits.Contains(unit));
        }

        if (!string.IsNullOrWhiteSpace(query.Session))
        {
            proposals = proposals.Where(p => p.Session == query.Session.Trim());
        }

        var size = Math.Clamp(query.PageSize ?? 20, 1, 100);
        var page = Math.Max(1, query.Page ?? 1);
        var total = await proposals.CountAsync(cancellationToken);
        var rows = await proposals.OrderByDescending(p => p.RegisteredAt).ThenByDescending(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new
            {
                p.Id, p.Kind, p.Session, p.Number, p.Proposer, p.Title, p.LeadUnit, p.Status, p.DueOn, p.Outcome, p.ProposerSatisfaction,
                Commitments = p.Commitments.Count,
                Done = p.Commitments.Count(c => c.Status == CommitmentStatus.Done),
            })
            .ToListAsync(cancellationToken);
        return new Result(total, page, size, [.. rows.Select(p => new Item(p.Id, p.Kind, p.Session, p.Number, p.Proposer, p.Title, p.LeadUnit, p.Status, p.DueOn,
            Proposal.IsReplyOverdue(p.Status, p.DueOn, today), p.Outcome, p.ProposerSatisfaction, p.Commitments, p.Done))]);
    }
}
