using System.Security.Claims;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// A person's workspace (/me): their firm and its members, their claims (and, for an owner, those waiting on
/// them), their latest notices, and for a firm member the policies and open calls that fit the firm, with the
/// facts that are missing for a full answer; and what other features keep for the reader (their requests, matches, tasks).
/// </summary>
public sealed class GetWorkspace(IFirmAccounts firms, IRegistryDirectory registry, ListClaims claims, ListNotifications notifications, FirmPolicies policies, FirmCalls calls, IEnumerable<IWorkspaceSource> sources)
{
    public sealed record Firm(int Id, string Name, string? CreditCode, bool IsOwner, IReadOnlyList<FirmMember> Members);

    public sealed record Workspace(
        string Name, string Email, bool ActsForOffice, Firm? Firm, IReadOnlyList<ClaimView> MyClaims, IReadOnlyList<ClaimView> ClaimsToDecide,
        ListNotifications.Page Notices, FirmPolicies.Answer? Policies, FirmCalls.Answer? Calls, IReadOnlyList<WorkspaceSection> Sections);

    public const int NoticesShown = 10;

    public async Task<Workspace?> RunAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId || await firms.PersonAsync(userId, cancellationToken) is not { } person)
        {
            return null;
        }

        Firm? firm = null;
        if (person.EnterpriseId is { } id && await registry.CardAsync(id, cancellationToken) is { } card)
        {
            var members = await firms.MembersAsync(id, cancellationToken);
            firm = new Firm(id, card.Name, card.CreditCode, members.Any(m => m.IsOwner && m.UserId == userId), members);
        }

        var visible = await claims.RunAsync(user, null, cancellationToken);
        var reader = new WorkspaceReader(user, userId, firm?.Id);
        var sections = new List<WorkspaceSection>();
        foreach (var source in sources.OrderBy(s => s.Order))
        {
            if (await source.SectionAsync(reader, cancellationToken) is { } section)
            {
                sections.Add(section);
            }
        }

        return new Workspace(
            person.Name,
            person.Email,
            person.ActsForOffice,
            firm,
            [.. visible.Where(c => c.UserId == userId)],
            [.. visible.Where(c => c.UserId != userId && c.Status == ClaimStatus.Pending && firm is { IsOwner: true } && c.EnterpriseId == firm.Id)],
            await notifications.RunAsync(userId, unreadOnly: false, NoticesShown, cancellationToken),
            firm is null ? null : await policies.RunAsync(firm.Id, cancellationToken),
            firm is null ? null : await calls.RunAsync(firm.Id, cancellationToken),
            sections);
    }
}
