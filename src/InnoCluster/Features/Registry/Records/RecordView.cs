using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>The five kinds of record a firm holds over time, as the API's paths name them.</summary>
[FeatureContract]
public enum RecordKind
{
    Designations,
    Certifications,
    Standards,
    Filings,
    Financing,
}

/// <summary>
/// One record as the page and the API show it: what it is (its kind's key and name), the product, standard
/// or filing it is about, the level, the dates, how it stands today, the source, and — for the firm and the
/// office — who entered it and the office's answer to a proposal.
/// </summary>
public sealed record RecordView(
    int Id,
    RecordKind Kind,
    string Type,
    string Name,
    string NameEn,
    string? Subject,
    string? Number,
    string? Level,
    string? LevelName,
    string? LevelNameEn,
    string? Role,
    int? Year,
    DateOnly? GrantedOn,
    DateOnly? ExpiresOn,
    DateOnly? EndedOn,
    string? EndReason,
    RecordStanding Standing,
    decimal? Amount,
    string? EnteredBy,
    string? ReviewNote,
    Provenance? Source)
{
    /// <summary>The view of any record on <paramref name="today"/>; who entered it only for those who may see it.</summary>
    public static RecordView Of(EnterpriseRecord record, DateOnly today, bool withEditor)
    {
        var (kind, type, name, nameEn, subject, number, level, levelName, levelNameEn, role) = record switch
        {
            EnterpriseTier t => (RecordKind.Designations, TierNames.Key(t.Tier), TierNames.Chinese(t.Tier), TierNames.English(t.Tier), t.Board, t.SecurityCode,
                RecordWords.Key(t.Level), TierNames.Chinese(t.Level), TierNames.English(t.Level), (string?)null),
            ProductCertification c => (RecordKind.Certifications, RecordWords.Key(c.Kind), RecordWords.Name(c.Kind, false), RecordWords.Name(c.Kind, true), c.ProductName, null,
                RecordWords.Key(c.Level), TierNames.Chinese(c.Level), TierNames.English(c.Level), null),
            StandardRecord s => (RecordKind.Standards, RecordWords.Key(s.Level), RecordWords.Name(s.Level, false), RecordWords.Name(s.Level, true), s.Title, s.Number,
                RecordWords.Key(s.Level), RecordWords.Name(s.Level, false), RecordWords.Name(s.Level, true), RecordWords.Key(s.Role)),
            Filing f => (RecordKind.Filings, RecordWords.Key(f.Kind), RecordWords.Name(f.Kind, false), RecordWords.Name(f.Kind, true), f.Name, f.Number,
                null, null, null, null),
            FinancingRecord m => (RecordKind.Financing, RecordWords.Key(m.Round), RecordWords.Name(m.Round, false), RecordWords.Name(m.Round, true), m.Investors, null,
                null, null, null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a record kind"),
        };
        return new RecordView(
            record.Id, kind, type, name, nameEn, subject, number, string.IsNullOrEmpty(level) ? null : level, string.IsNullOrEmpty(levelName) ? null : levelName,
            string.IsNullOrEmpty(levelNameEn) ? null : levelNameEn, role, record.Year, record.GrantedOn, record.ExpiresOn, record.EndedOn, record.EndReason,
            record.StandingOn(today), (record as FinancingRecord)?.Amount, withEditor ? record.EnteredBy : null, record.Status == RecordStatus.Rejected || withEditor ? record.ReviewNote : null, record.Source);
    }
}
