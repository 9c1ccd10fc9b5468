using System.Security.Cryptography;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>Where the audit chain's key and anchors live (section "Audit").</summary>
public sealed class AuditOptions
{
    /// <summary>The key itself, base64 (32 bytes or more), from the environment or a secret store; wins over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key (base64). Default: keys/audit-hmac.key in the data directory, created at first start.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The append-only file of anchors (head sequence, hash and row count). Default: audit-anchors.jsonl in the data directory.</summary>
    public string? AnchorFile { get; set; }

    /// <summary>How often the server anchors the chain's head when it has moved.</summary>
    public int AnchorMinutes { get; set; } = 5;
}

/// <summary>
/// The secret the audit chain is keyed with (HMAC-SHA256). It is kept outside the database, so whoever can
/// write the database can neither recompute the chain after editing a row nor forge an anchor.
/// </summary>
public sealed class AuditKey
{
    private readonly byte[] _key;

    public AuditKey(Microsoft.Extensions.Options.IOptions<AuditOptions> options, InnoClusterPaths paths)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Key))
        {
            _key = Convert.FromBase64String(settings.Key.Trim());
            Source = "configuration (Audit:Key)";
        }
        else
        {
            var file = settings.KeyFile ?? Path.Combine(paths.DataDirectory, "keys", "audit-hmac.key");
            _key = LoadOrCreate(file);
            Source = file;
        }

        if (_key.Length < 32)
        {
            throw new InvalidOperationException("The audit key must be at least 32 bytes (base64 of 32 random bytes).");
        }
    }

    /// <summary>Where the key came from, for the start-up log and `audit verify` (never the key).</summary>
    public string Source { get; }

    public string Mac(string text) => Convert.ToHexString(HMACSHA256.HashData(_key, System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static byte[] LoadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(file, options);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (the CLI beside the server) created it first: use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
