using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Where the Data Protection key ring lives (section "DataProtection") — the keys that protect phone and ID
/// numbers, TOTP secrets, set-password links and cookies. <see cref="Store"/>: "Database" (every node
/// of a PostgreSQL deployment shares it; the default there) or "FileSystem" (data/keys; the default on
/// SQLite). With <see cref="CertificateFile"/> each key is encrypted with that certificate at rest.
/// </summary>
public sealed class KeyRingOptions
{
    public string? Store { get; set; }

    /// <summary>A PKCS#12 (.pfx) file kept outside the data directory; its password from the environment or <see cref="CertificatePasswordFile"/>.</summary>
    public string? CertificateFile { get; set; }

    public string? CertificatePassword { get; set; }

    public string? CertificatePasswordFile { get; set; }

    public bool InDatabase(DatabaseProvider provider) =>
        Store is { Length: > 0 } store ? store.Equals("Database", StringComparison.OrdinalIgnoreCase) : provider == DatabaseProvider.Postgres;

    public X509Certificate2? LoadCertificate()
    {
        if (string.IsNullOrWhiteSpace(CertificateFile))
        {
            return null;
        }

        var password = CertificatePassword ?? (CertificatePasswordFile is { Length: > 0 } file ? File.ReadAllText(file).Trim() : null);
        return X509CertificateLoader.LoadPkcs12FromFile(CertificateFile, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}

/// <summary>One key of the ring as Data Protection writes it (XML), encrypted when a certificate is configured.</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    /// <summary>The key itself: the audit trail records only that it was written.</summary>
    [Sensitive]
    public string Xml { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// The key ring in the database. Data Protection calls it rarely (at start and when a key is made every
/// 90 days) and synchronously; each call uses its own scope.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        return [.. db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        db.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = clock.GetUtcNow() });
        // The audit interceptor writes asynchronously; Data Protection's interface is synchronous.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
