using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>A change to a firm's facts as its members and the office read it: what it sets, who asked, and what was decided.</summary>
[FeatureContract]
public sealed record FactChangeView(
    int Id, int EnterpriseId, string EnterpriseName, IReadOnlyList<string> Changes, RecordStatus Status,
    string ProposedBy, DateTimeOffset ProposedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    public bool Counts => Status == RecordStatus.Confirmed;

    public static FactChangeView Of(FactChange c, string enterpriseName) =>
        new(c.Id, c.EnterpriseId, enterpriseName, c.Lines(), c.Status, c.ProposedBy, c.ProposedAt, c.DecidedBy, c.DecidedAt, c.Reason);
}
