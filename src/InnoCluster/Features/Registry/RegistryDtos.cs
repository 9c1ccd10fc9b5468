using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

public sealed record DistrictRef(string Code, string Name, string NameEn);

public sealed record ChainNodeRef(string Code, string Name, string NameEn, string Layer);

public sealed record TierDto(string Tier, string Name, string NameEn, string? Level, int? Year, DateOnly? ListedOn, string? SecurityCode, Provenance? Source);

public sealed record EnterpriseListItem(
    int Id,
    string Name,
    string? CreditCode,
    bool CreditCodeKnown,
    string? City,
    DistrictRef? District,
    IReadOnlyList<TierDto> Tiers,
    IReadOnlyList<ChainNodeRef> ChainNodes);

