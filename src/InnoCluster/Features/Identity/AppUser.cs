using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A person who signs in. Personal fields (phone, ID number) are stored encrypted (ASP.NET Data
/// Protection) and shown masked; the TOTP secret likewise. Identity's own PhoneNumber is not used.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For the Enterprise role: the one enterprise this account acts for.</summary>
    public int? EnterpriseId { get; set; }

    /// <summary>The member who manages the firm's other members (admits, removes, hands over).</summary>
    public bool IsEnterpriseOwner { get; set; }

    /// <summary>For the Department role: the responsible unit (责任单位) it belongs to, e.g. 市工信局.</summary>
    public string? Department { get; set; }

    /// <summary>For scenario owners: the organisation (factory, hospital, school …).</summary>
    public string? Organisation { get; set; }

    public string? PhoneProtected { get; set; }

    public string? IdNumberProtected { get; set; }

    public string? TotpSecretProtected { get; set; }

    /// <summary>The last TOTP time step accepted: a code is never accepted twice.</summary>
    public long TotpLastStep { get; set; }

    public DateTimeOffset? PasswordChangedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Set when the person's personal data was erased at their request (PIPL art. 47).</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public bool IsActive => DeactivatedAt is null && ErasedAt is null;

    public bool HasTotp => TotpSecretProtected is not null;
}
