using System.Text.RegularExpressions;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>A firm's e-mail domain as stored (lower case, no "@"), and whether an address is at it.</summary>
[FeatureContract]
public static partial class MailDomains
{
    /// <summary>"@Example.COM " → "example.com"; an empty value clears the domain (true, null).</summary>
    public static bool TryNormalise(string written, out string? domain)
    {
        var trimmed = written.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        domain = trimmed.Length == 0 ? null : trimmed;
        return domain is null || (domain.Length <= 253 && Shape().IsMatch(domain));
    }

    /// <summary>The address's domain is exactly the firm's (a subdomain is not: anyone may run one).</summary>
    public static bool IsAt(string? email, string? domain) =>
        domain is { Length: > 0 } && email?.LastIndexOf('@') is int at && at > 0
        && string.Equals(email[(at + 1)..].Trim().TrimEnd('.'), domain, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
