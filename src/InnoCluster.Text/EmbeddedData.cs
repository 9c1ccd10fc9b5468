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
