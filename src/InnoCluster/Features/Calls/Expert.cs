using InnoCluster.Text;

namespace InnoCluster.Features.Calls;

public enum InterestKind
{
    /// <summary>任职: works, or worked, for the organisation.</summary>
    Employment,

    /// <summary>持股: holds shares in it.</summary>
    Shareholding,

    /// <summary>合作项目: a joint project with it (recent when within three years of the call).</summary>
    JointProject,

    /// <summary>亲属关系: a relative works there.</summary>
    Relative,

    Other,
}

/// <summary>An interest an expert declares in an organisation.</summary>
public sealed record DeclaredInterest(string Organisation, InterestKind Kind, int? Year = null, int? EnterpriseId = null);

/// <summary>
/// An expert in the pool: the account they sign in with (TOTP), their affiliation, their fields (chain nodes)
/// and the interests they declared. Assignment reads the fields for fit and the interests for recusal.
/// </summary>
public sealed class Expert
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Affiliation { get; set; } = "";

    public List<int> ChainNodeIds { get; set; } = [];

    public List<DeclaredInterest> Interests { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Conflict of interest (回避): an expert does not review an application of a firm they work for or hold
/// shares in or are otherwise tied to (by its registry id or its name), one whose partners include the expert's
/// own affiliation, a firm they had a joint project with in the three years before the call, or a talent
/// programme's candidate who bears their name. Names are
/// compared as normalised text (full-width, spaces, traditional forms).
/// </summary>
public static class Recusal
{
    public const int JointProjectYears = 3;

    /// <param name="Candidate">For a talent programme, the person put forward.</param>
    public sealed record Applicant(int EnterpriseId, string EnterpriseName, IReadOnlyList<string> Partners, string? Candidate = null);

    /// <summary>An expert with their names normalised once, for checking against many applications.</summary>
    public sealed record Prepared(Expert Expert, string Affiliation, IReadOnlyList<(DeclaredInterest Interest, string Organisation)> Interests, string Name = "");

    /// <summary>An applicant with its names normalised once.</summary>
    public sealed record PreparedApplicant(Applicant Applicant, string Firm, IReadOnlySet<string> Partners, string Candidate = "");

    public static Prepared Prepare(Expert expert) => new(expert, Key(expert.Affiliation), [.. expert.Interests.Select(i => (i, Key(i.Organisation)))], Key(expert.Name));

    public static PreparedApplicant Prepare(Applicant applicant) =>
        new(applicant, Key(applicant.EnterpriseName), applicant.Partners.Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal), Key(applicant.Candidate));

    /// <summary>Why the expert must step aside, or null when they need not.</summary>
    public static string? Why(Expert expert, Applicant applicant, int? callYear) => Why(Prepare(expert), Prepare(applicant), callYear);

    public static string? Why(Prepared expert, PreparedApplicant applicant, int? callYear)
    {
        if (expert.Affiliation.Length > 0 && expert.Affiliation == applicant.Firm)
        {
            return "本单位申报 / the expert's own organisation applies";
        }

        // Names are all there is to tell people apart by: a namesake steps aside too, the safe side of a doubt.
        if (applicant.Candidate.Length > 0 && applicant.Candidate == expert.Name)
        {
            return "申报人才与专家同名（可能为专家本人）/ the candidate bears the expert's name (possibly the expert)";
        }

        if (expert.Affiliation.Length > 0 && applicant.Partners.Contains(expert.Affiliation))
        {
            return "本单位为联合申报单位 / the expert's organisation is a partner in the application";
        }

        foreach (var (interest, organisation) in expert.Interests)
        {
            var sameFirm = interest.EnterpriseId == applicant.Applicant.EnterpriseId || (organisation.Length > 0 && organisation == applicant.Firm);
            if (!sameFirm && !applicant.Partners.Contains(organisation))
            {
                continue;
            }

            if (interest.Kind == InterestKind.JointProject && interest.Year is { } year && callYear is { } call && call - year > JointProjectYears)
            {
                continue;
            }

            return interest.Kind switch
            {
                InterestKind.Employment => "申报单位为专家任职单位 / the expert works for the applicant",
                InterestKind.Shareholding => "专家持有申报单位股份 / the expert holds shares in the applicant",
                InterestKind.JointProject => "近三年与申报单位有合作项目 / a joint project with the applicant in the last three years",
                InterestKind.Relative => "专家亲属在申报单位任职 / a relative of the expert works for the applicant",
                _ => "专家申报的利益关系 / an interest the expert declared",
            };
        }

        return null;
    }

    private static string Key(string? name) => string.IsNullOrWhiteSpace(name) ? "" : TextNormalizer.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
}
