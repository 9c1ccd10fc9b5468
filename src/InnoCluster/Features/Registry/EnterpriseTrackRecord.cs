using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>
/// One thing another feature records that a firm achieved — a scenario it delivered that landed, a call it was
/// selected in — as the enterprise page lists it: what kind of result (in both languages), the project as written,
/// the scenario's owner or the call it came from, on which day, and the page that shows it.
/// </summary>
[FeatureContract]
public sealed record TrackRecordItem(string Kind, string KindEn, string Title, string? Context, DateOnly? On, string Link);

/// <summary>Implemented by the scenario pipeline and the calls; the enterprise page asks each what it records of a firm.</summary>
[FeatureContract]
public interface IEnterpriseTrackRecord
{
    /// <summary>Only what is public: landed cases and published results, never pairs or applications still being worked on.</summary>
    Task<IReadOnlyList<TrackRecordItem>> ForEnterpriseAsync(int enterpriseId, CancellationToken cancellationToken);
}
