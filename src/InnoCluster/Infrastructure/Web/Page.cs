namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// One page of results. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; past the counting
/// cap it is the cap and the list says "10,000+", as search engines do, so broad filters stay fast.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool TotalIsExact = true);
