using System.Security.Claims;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Workspace;

/// <summary>Who is reading the workspace: the account, and the firm it acts for, if any.</summary>
[FeatureContract]
public sealed record WorkspaceReader(ClaimsPrincipal User, string UserId, int? EnterpriseId);

/// <summary>Why an entry is shown: a label in the reader's language, and the data it names (kept as written, often Chinese).</summary>
[FeatureContract]
public sealed record WorkspaceReason(string Label, string? Value = null);

/// <summary>One line of a section: what it is (data, kept as written) and what else it concerns, where it leads, how it stands, when it is due, and why it is shown.</summary>
[FeatureContract]
public sealed record WorkspaceEntry(string Title, string? Detail, string Link, string State, DateTimeOffset? DueAt = null, bool Late = false, IReadOnlyList<WorkspaceReason>? Reasons = null);

/// <summary>A part of the workspace another feature owns, already in the reader's language.</summary>
[FeatureContract]
public sealed record WorkspaceSection(string Key, string Title, IReadOnlyList<WorkspaceEntry> Entries, string Empty, string? AllLink = null);

/// <summary>
/// What another feature puts on a person's workspace — my requests (the service desk), my matches (scenarios), my
/// tasks (the plan) — so the workspace shows each without knowing the feature's tables.
/// </summary>
[FeatureContract]
public interface IWorkspaceSource
{
    /// <summary>Where the section stands on the page, lower first.</summary>
    int Order { get; }

    /// <summary>The section for this reader, or null when it has nothing to do with them.</summary>
    Task<WorkspaceSection?> SectionAsync(WorkspaceReader reader, CancellationToken cancellationToken);
}
