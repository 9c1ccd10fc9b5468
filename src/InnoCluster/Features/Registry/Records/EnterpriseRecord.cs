using System.Linq.Expressions;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Registry;

/// <summary>Whether a record counts: an official's entry or confirmation counts; a firm's proposal waits; a rejected one never counts.</summary>
[FeatureContract]
public enum RecordStatus
{
    Confirmed = 0,
    Proposed = 1,
    Rejected = 2,
}

/// <summary>
/// What a firm holds over time — a designation, a product certification, a standard, a filing — with the
/// rules they share, written once: when it was granted (a date, or only a year), when it expires, when it
/// was ended (revoked, delisted, withdrawn), who proposed and who confirmed it, and its source. Nothing is
/// overwritten: a renewal or a new level is a new record beside the old one, which keeps its history.
/// </summary>
public abstract class EnterpriseRecord : IPartOfRoot
{
    Type IPartOfRoot.RootType => typeof(Enterprise);

    int IPartOfRoot.RootId => EnterpriseId;

    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    /// <summary>The year granted, when only the year is known (or as well as the date).</summary>
    public int? Year { get; set; }

    /// <summary>The day granted, certified, published or filed (for a listing: the listing date).</summary>
    public DateOnly? GrantedOn { get; set; }

    /// <summary>The last day it is valid (a 高企 certificate's three years); null: no expiry stated.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The day it stopped before expiry (revoked, delisted, withdrawn), with why.</summary>
    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    public RecordStatus Status { get; set; }

    /// <summary>The account that entered or proposed it.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>The official who confirmed or rejected a proposal, when, and (for a rejection) why.</summary>
    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    public Provenance? Source { get; set; }

    /// <summary>
    /// Whether the record counts on <paramref name="day"/>: confirmed, granted by then (by the date, or by the
    /// year when only the year is known), not yet expired and not ended. A record with neither date nor year
    /// counts only when <paramref name="undatedCounts"/> (today's count: the source says it holds now).
    /// </summary>
    public static Expression<Func<T, bool>> HeldOn<T>(DateOnly day, bool undatedCounts)
        where T : EnterpriseRecord =>
        r => r.Status == RecordStatus.Confirmed
            && (r.ExpiresOn == null || r.ExpiresOn >= day)
            && (r.EndedOn == null || r.EndedOn > day)
            && (r.GrantedOn != null ? r.GrantedOn <= day : r.Year != null ? r.Year <= day.Year : undatedCounts);

    /// <summary>How the record stands on <paramref name="today"/>, for its label.</summary>
    public RecordStanding StandingOn(DateOnly today) => Status switch
    {
        RecordStatus.Proposed => RecordStanding.Proposed,
        RecordStatus.Rejected => RecordStanding.Rejected,
        _ when EndedOn is { } ended && ended <= today => RecordStanding.Ended,
        _ when ExpiresOn is { } expires && expires < today => RecordStanding.Expired,
        _ when GrantedOn is { } granted && granted > today => RecordStanding.NotYet,
        _ => RecordStanding.Held,
    };

    /// <summary>The dates a record may carry, checked once for every kind.</summary>
    public static IEnumerable<FieldError> CheckDates(int? year, DateOnly? grantedOn, DateOnly? expiresOn, DateOnly today)
    {
        if (year is { } y && (y < 1980 || y > today.Year))
        {
            yield return new FieldError("year", $"年份应在1980至{today.Year}之间 / year: 1980 to {today.Year}");
        }

        if (grantedOn is { } granted && (granted > today || granted.Year < 1980))
        {
            yield return new FieldError("grantedOn", $"日期 {granted:yyyy-MM-dd} 应在1980年至今天之间 / grantedOn: 1980 to today");
        }

        if (year is { } yy && grantedOn is { } g && g.Year != yy)
        {
            yield return new FieldError("year", $"年份 {yy} 与日期 {g:yyyy-MM-dd} 不一致 / year {yy} disagrees with the date {g:yyyy-MM-dd}");
        }

        if (expiresOn is { } expires && grantedOn is { } from && expires <= from)
        {
            yield return new FieldError("expiresOn", $"到期日 {expires:yyyy-MM-dd} 应晚于认定日期 {from:yyyy-MM-dd} / expiresOn must be after grantedOn");
        }
    }

    /// <summary>An official confirms a firm's proposal; it counts from then on.</summary>
    public Problem? Confirm(string official, DateTimeOffset at) => Status != RecordStatus.Proposed
        ? Problem.Conflict(Status == RecordStatus.Confirmed ? "该记录已确认 / already confirmed" : "该记录已被退回，请重新提交 / rejected: propose it again")
        : Reviewed(RecordStatus.Confirmed, official, at, null);

    /// <summary>An official rejects a proposal and says why; the firm sees the reason.</summary>
    public Problem? Reject(string official, DateTimeOffset at, string? reason) =>
        Status != RecordStatus.Proposed ? Problem.Conflict("只能退回待确认的记录 / only a proposed record can be rejected")
        : RefusalReason.Check(reason, ("退回", "a rejection"), ("企业", "the firm")) ?? Reviewed(RecordStatus.Rejected, official, at, reason!.Trim());

    /// <summary>An official records that it stopped (revoked, delisted, withdrawn) on a day; it counts until the day before.</summary>
    public Problem? End(DateOnly on, string? reason, DateOnly today)
    {
        if (Status != RecordStatus.Confirmed)
        {
            return Problem.Conflict("只能终止已确认的记录 / only a confirmed record can be ended");
        }

        if (EndedOn is not null)
        {
            return Problem.Conflict($"该记录已于 {EndedOn:yyyy-MM-dd} 终止 / already ended on {EndedOn:yyyy-MM-dd}");
        }

        if (on > today || (GrantedOn is { } granted && on <= granted) || (Year is { } year && on.Year < year))
        {
            return Problem.Invalid("endedOn", "终止日期应在认定之后、今天或以前 / endedOn: after it was granted, today or earlier");
        }

        if (RefusalReason.Check(reason, ("终止（撤销、退市、注销…）", "Ending a record (revoked, delisted, withdrawn …)"), ("企业", "the firm")) is { } refused)
        {
            return refused;
        }

        EndedOn = on;
        EndReason = reason!.Trim();
        return null;
    }

    private Problem? Reviewed(RecordStatus status, string official, DateTimeOffset at, string? note)
    {
        Status = status;
        ReviewedBy = official;
        ReviewedAt = at;
        ReviewNote = note;
        return null;
    }
}

/// <summary>How a record stands on a day, as its label says.</summary>
[FeatureContract]
public enum RecordStanding
{
    Held,
    NotYet,
    Expired,
    Ended,
    Proposed,
    Rejected,
}
