using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Time-based one-time passwords (RFC 6238, Otp.NET): 20-byte secrets, 6 digits, 30-second steps, one
/// step of clock drift either way. A code is accepted at most once: the accepted step is remembered and
/// any code of that step or an earlier one is refused. Secrets are stored encrypted.
/// </summary>
public sealed class Totp(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("InnoCluster.Totp.v1");

    public const string Issuer = "InnoCluster";

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public static string ProvisioningUri(string secret, string account) =>
        new OtpUri(OtpType.Totp, secret, account, Issuer).ToString();

    /// <summary>A QR code of the provisioning URI as an SVG data URI (allowed by the CSP's img-src data:).</summary>
    public static string QrCodeDataUri(string provisioningUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(provisioningUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The current code for a secret (for tests and the enrolment check).</summary>
    public string CodeFor(string secret, DateTime? at = null) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at ?? clock.GetUtcNow().UtcDateTime);

    /// <summary>The matched time step when <paramref name="code"/> is valid and newer than <paramref name="lastStep"/>.</summary>
    public long? Verify(string secret, string? code, long lastStep)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
        {
            return null;
        }

        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(secret));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return null;
        }

        return step > lastStep ? step : null;
    }
}
