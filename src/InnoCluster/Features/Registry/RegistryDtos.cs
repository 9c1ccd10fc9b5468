using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

public sealed record DistrictRef(string Code, string Name, string NameEn);

public sealed record ChainNodeRef(string Code, string Name, string NameEn, string Layer);

/// <summary>A designation as shown: its level, dates, how it stands today (held, expired, ended …), and its source.</summary>
public sealed record TierDto(string Tier, string Name, string NameEn, string? Level, int? Year, DateOnly? GrantedOn, DateOnly? ExpiresOn, DateOnly? EndedOn, RecordStanding Standing, string? SecurityCode, string? Board, Provenance? Source);

public sealed record EnterpriseListItem(
    int Id,
    string Name,
    string? CreditCode,
    bool CreditCodeKnown,
    string? City,
    DistrictRef? District,
    IReadOnlyList<TierDto> Tiers,
    IReadOnlyList<ChainNodeRef> ChainNodes);

