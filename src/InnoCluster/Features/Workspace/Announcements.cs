using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// What each feature tells the workspace about its items: who a newly opened item fits, and which open items fit
/// one firm whose record changed. The feature owns the words and the rule; the workspace owns the telling.
/// </summary>
[FeatureContract]
public interface IPushSource
{
    /// <summary>"clause", "call", "demand": the first part of each notice's key.</summary>
    string Topic { get; }

    /// <summary>Each firm the item now fits, with the notice its members read; empty when the item is not open.</summary>
    Task<IReadOnlyList<(int EnterpriseId, Notice Notice)>> NoticesAsync(int id, CancellationToken cancellationToken);

    /// <summary>The open items that fit this firm as its record stands now.</summary>
    Task<IReadOnlyList<Notice>> NoticesForFirmAsync(int enterpriseId, CancellationToken cancellationToken);
}

/// <summary>What a feature tells people each day before the digest goes out (deadlines coming up); returns how many were told.</summary>
[FeatureContract]
public interface IDailyNotices
{
    Task<int> TellAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A feature says an item opened (a clause confirmed, a call or a demand published) or a firm's record changed;
/// the matching runs as a background job, after the request, once per item however often it is announced.
/// </summary>
[FeatureContract]
public sealed class Announcements(JobQueue jobs)
{
    public const string FirmTopic = "firm";

    /// <summary>The item opened, or changed while open (a new <paramref name="version"/>): firms it newly fits are told; none is told twice.</summary>
    public Task AnnounceAsync(string topic, int id, int version, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(PushJob.KindName, new PushJob.Parameters(topic, id), [], cancellationToken, uniqueKey: $"push:{topic}:{id}:{version}");

    /// <summary>A firm's record changed: what is open now is matched against it alone.</summary>
    public Task FirmChangedAsync(int enterpriseId, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(PushJob.KindName, new PushJob.Parameters(FirmTopic, enterpriseId), [], cancellationToken);
}

/// <summary>One announcement worked out: the item against every firm, or one firm against every open item; then the firms' members are told.</summary>
public sealed class PushJob : JobKind<PushJob.Parameters, PushJob.Told>
{
    public const string KindName = "notice-push";

    public sealed record Parameters(string Topic, int Id);

    public sealed record Told(string Topic, int Id, int Firms, int Notices);

    public override string Name => KindName;

    public override string Title => Ui.L("匹配并通知企业", "Matching and telling firms");

    protected override async Task<Told> RunAsync(Parameters parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifier = services.GetRequiredService<Notifier>();
        var sources = services.GetServices<IPushSource>().ToList();
        if (parameters.Topic == Announcements.FirmTopic)
        {
            var notices = new List<Notice>();
            foreach (var source in sources)
            {
                notices.AddRange(await source.NoticesForFirmAsync(parameters.Id, cancellationToken));
            }

            var people = await notifier.TellFirmsAsync([.. notices.Select(n => (parameters.Id, n))], cancellationToken);
            return new Told(parameters.Topic, parameters.Id, notices.Count > 0 ? 1 : 0, people);
        }

        var topic = sources.SingleOrDefault(s => s.Topic == parameters.Topic) ?? throw new JobFailedException($"No push source for topic '{parameters.Topic}'.");
        var fits = await topic.NoticesAsync(parameters.Id, cancellationToken);
        var told = await notifier.TellFirmsAsync(fits, cancellationToken);
        return new Told(parameters.Topic, parameters.Id, fits.Count, told);
    }
}
