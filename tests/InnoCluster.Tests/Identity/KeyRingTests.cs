using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InnoCluster.Features.Identity;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Identity;

/// <summary>
/// On PostgreSQL the Data Protection key ring is kept in the database, so a second node reads what the first
/// protected (phone numbers, TOTP secrets, cookies); with a certificate configured, each key is encrypted at rest.
/// </summary>
public sealed class KeyRingTests
{
    /// <summary>A node of a deployment: the shared database, the operator's certificate, its own data directory.</summary>
    private sealed class Node(string connectionString, string certificate) : TestApp<PostgresTarget>
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("DataProtection:CertificateFile", certificate);
            builder.UseSetting("DataProtection:CertificatePassword", "operator-secret");
        }
    }

    [Fact]
    public async Task KeyRing_IsSharedThroughTheDatabase_AndEncryptedWithTheCertificate()
    {
        Assert.SkipUnless(DatabaseTarget.PostgresAvailable, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
        await using var shared = new PostgresTarget();
        var folder = TestPaths.NewTempDirectory();
        var certificate = Path.Combine(folder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=InnoCluster key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(certificate, made.Export(X509ContentType.Pfx, "operator-secret"), TestContext.Current.CancellationToken);
        }

        string protectedPhone;
        await using (var first = new Node(shared.ConnectionString, certificate))
        {
            await first.InitializeAsync();
            protectedPhone = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Protect("13800138000");
            var keys = await first.WithDbAsync(db => db.Set<DataProtectionKeyRow>().Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
            var keyFolder = Path.Combine(first.Database.DataDirectory, "keys"); // holds the audit HMAC key, not the ring
            Assert.Empty(Directory.Exists(keyFolder) ? Directory.GetFiles(keyFolder, "key-*.xml") : []);
        }

        await using (var second = new Node(shared.ConnectionString, certificate))
        {
            await second.InitializeAsync();
            Assert.Equal("13800138000", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Unprotect(protectedPhone));
        }

        Directory.Delete(folder, recursive: true);
    }
}
