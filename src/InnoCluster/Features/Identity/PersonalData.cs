using Microsoft.AspNetCore.DataProtection;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Personal data at rest (phone numbers, ID numbers): encrypted with ASP.NET Data Protection, keys kept
/// under the data directory; shown masked unless the viewer needs the full value (and that read is audited).
/// </summary>
[InnoCluster.Infrastructure.FeatureContract]
public sealed class PersonalData(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("InnoCluster.PersonalData.v1");

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string? Unprotect(string? stored) => stored is null ? null : _protector.Unprotect(stored);

    /// <summary>138****4249; 3201**********1234; short values keep only their last character.</summary>
    public static string? Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value.Length >= 11)
        {
            var keep = value.Length >= 15 ? 4 : 3;
            return value[..keep] + new string('*', value.Length - keep - 4) + value[^4..];
        }

        return new string('*', value.Length - 1) + value[^1];
    }
}
