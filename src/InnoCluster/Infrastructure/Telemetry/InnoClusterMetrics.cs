using System.Diagnostics.Metrics;

namespace InnoCluster.Infrastructure.Telemetry;

/// <summary>
/// The platform's own meters, exported at /metrics beside ASP.NET Core's request meters and the runtime's:
/// mail delivered and failed, searches, documents ingested, import rows written, background jobs.
/// </summary>
public static class InnoClusterMetrics
{
    public const string MeterName = "InnoCluster";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> MailSent = Meter.CreateCounter<long>("innocluster.mail.sent", "{message}", "Messages handed to the relay or the pickup directory");

    public static readonly Counter<long> MailFailed = Meter.CreateCounter<long>("innocluster.mail.failed", "{attempt}", "Delivery attempts that failed (tag dead_letter: the last one)");

    public static readonly Counter<long> Searches = Meter.CreateCounter<long>("innocluster.search.queries", "{query}", "Document searches answered (tag engine)");

    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("innocluster.search.duration", "s", "Time to answer a document search");

    public static readonly Counter<long> DocumentsIngested = Meter.CreateCounter<long>("innocluster.documents.ingested", "{document}", "Files ingested (tag outcome)");

    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("innocluster.import.rows", "{row}", "Rows written by imports (tag kind)");

    public static readonly Counter<long> JobsQueued = Meter.CreateCounter<long>("innocluster.jobs.queued", "{job}", "Background jobs queued (tag kind)");

    public static readonly Counter<long> JobsFinished = Meter.CreateCounter<long>("innocluster.jobs.finished", "{job}", "Background job attempts ended (tags kind, outcome: succeeded, failed, retry, released)");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("innocluster.jobs.duration", "s", "Time a background job attempt ran (tag kind)");
}
