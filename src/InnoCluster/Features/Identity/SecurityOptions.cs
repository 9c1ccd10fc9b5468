namespace InnoCluster.Features.Identity;

public enum PasswordRules
{
    /// <summary>GB/T 22239-2019 (MLPS 2.0) practice: composition (3 of 4 classes) and a 90-day change.</summary>
    Mlps,

    /// <summary>OWASP ASVS 5.0: length only (6.2.5) and no forced rotation (6.2.10).</summary>
    Asvs,
}

/// <summary>Security settings (section "Security"); defaults follow MLPS level 3 practice.</summary>
public sealed class SecurityOptions
{
    public PasswordRules PasswordRules { get; set; } = PasswordRules.Mlps;

    public int PasswordMinLength { get; set; } = 8;

    /// <summary>How many of lower case, upper case, digits and symbols a password needs (MLPS mode).</summary>
    public int PasswordRequiredClasses { get; set; } = 3;

    /// <summary>Days after which a password must be changed (MLPS mode); 0 turns it off.</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;

    public int LockoutFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 30;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteSessionHours { get; set; } = 12;

    /// <summary>Cookies marked Secure with the __Host- prefix; only turn off for plain-HTTP test hosts.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Roles that must pass a second factor before any page or API answers them.</summary>
    public List<string> MfaRoles { get; set; } = ["SystemAdmin", "SecurityAdmin", "AuditAdmin", "Official", "Expert"];

    public int SetPasswordLinkHours { get; set; } = 24;

    public int MaxTokenDays { get; set; } = 365;

    /// <summary>Sensitive self-service (creating a token) needs a sign-in no older than this.</summary>
    public int RecentSignInMinutes { get; set; } = 15;

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For/-Proto are believed: addresses or CIDR networks ("10.0.0.5",
    /// "10.0.0.0/24"). Empty (the default): the headers are ignored and the connection's own address is the
    /// client's — so nobody on the machine can pick the address that rate limits and the audit trail see.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Requests per minute per client address.</summary>
    public int SignInPerMinute { get; set; } = 20;

    public int SearchPerMinute { get; set; } = 600;

}
