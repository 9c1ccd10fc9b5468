using System.IO.Compression;
using System.Reflection;

namespace InnoCluster.Text;

/// <summary>Reads the dictionaries embedded in this assembly (see Resources/THIRD-PARTY-NOTICES.md).</summary>
internal static class EmbeddedData
{
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var stream = assembly.GetManifestResourceStream("InnoCluster.Text." + fileName)
            ?? throw new InvalidOperationException($"Embedded dictionary '{fileName}' is missing from {assembly.GetName().Name}.");
        if (fileName.EndsWith(".gz", StringComparison.Ordinal))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}

/// <summary>
/// A fingerprint of the dictionaries behind normalisation and segmentation: when it changes, tokens in
/// existing full-text indexes no longer match what queries produce, and the indexes must be rebuilt.
/// </summary>
public static class TextDataFingerprint
{
    private static readonly Lazy<int> Value = new(Compute);

    /// <summary>Raise when analyzer code (not data) changes how text becomes tokens.</summary>
    private const int CodeVersion = 2;

    public static int Current => Value.Value;

    private static int Compute()
    {
        var assembly = typeof(EmbeddedData).Assembly;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(CodeVersion));
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            hash.AppendData(copy.ToArray());
        }

        return BitConverter.ToInt32(hash.GetHashAndReset(), 0) & int.MaxValue;
    }
}
