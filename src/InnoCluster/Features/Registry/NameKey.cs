using System.Text;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry;

/// <summary>
/// The form in which names are compared for "exact name" matching: full-width and traditional forms
/// folded, spaces removed, Chinese brackets made ASCII. 九识（苏州）智能 and 九识(苏州)智能 are one name.
/// </summary>
public static class NameKey
{
    public static string For(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var normalized = TextNormalizer.Normalize(name.Trim());
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c) || c is '·' or '•' or '"' or '“' or '”')
            {
                continue;
            }

            builder.Append(c switch
            {
                '（' or '［' or '【' => '(',
                '）' or '］' or '】' => ')',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
