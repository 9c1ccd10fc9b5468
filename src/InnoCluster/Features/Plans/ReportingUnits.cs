using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Who reports on a plan's tasks, each unit on its own: the units as the plan names them, except the collective
/// "各县级市(区)人民政府(管委会)", which stands for every 板块 of the plan's city (the city its title names, 苏州市…):
/// each 板块 reports, is counted and is reminded under its own name. The plan's text keeps the collective as
/// written; when no 板块 of its city are registered, the collective stays one unit.
/// </summary>
public sealed record ReportingUnits(IReadOnlyList<string> Districts)
{
    public static ReportingUnits None { get; } = new([]);

    /// <summary>Whether a unit is the collective of the county-level cities and districts (各县级市(区)人民政府(管委会), 各市(区)政府 …).</summary>
    public static bool IsCollective(string unit) =>
        unit.StartsWith('各') && (unit.Contains("政府", StringComparison.Ordinal) || unit.Contains("管委会", StringComparison.Ordinal));

    /// <summary>The units that report on a task with these units, in the plan's order, the collective replaced by the 板块.</summary>
    public IReadOnlyList<string> Of(IEnumerable<string> units) =>
        [.. units.SelectMany(u => IsCollective(u) && Districts.Count > 0 ? Districts : [u]).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The unit among <paramref name="reporting"/> an account of <paramref name="department"/> reports as: the unit itself,
    /// or the 板块 its name begins with (昆山市人民政府 reports as 昆山市); null when it is none of them.
    /// </summary>
    public string? UnitOf(string? department, IReadOnlyList<string> reporting) =>
        department is not { Length: > 0 } own ? null
        : reporting.Contains(own, StringComparer.Ordinal) ? own
        : reporting.FirstOrDefault(u => Districts.Contains(u, StringComparer.Ordinal) && own.StartsWith(u, StringComparison.Ordinal));

    /// <summary>The reporting units of the plan titled <paramref name="planTitle"/>: its city's 板块 from the registry, in their order.</summary>
    public static async Task<ReportingUnits> ForPlanAsync(IRegistryDirectory directory, string planTitle, CancellationToken cancellationToken) =>
        new([.. CityDistricts(await directory.DistrictsAsync(cancellationToken), planTitle).Select(d => d.Name)]);

    /// <summary>The 板块 of the city the plan's title names, in their order.</summary>
    public static IReadOnlyList<DistrictInfo> CityDistricts(IReadOnlyList<DistrictInfo> districts, string planTitle) =>
        [.. districts.Where(d => d.City.Length > 0 && planTitle.Contains(d.City, StringComparison.Ordinal)).OrderBy(d => d.SortOrder)];
}
