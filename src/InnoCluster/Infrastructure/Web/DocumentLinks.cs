using Microsoft.AspNetCore.WebUtilities;

namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// Where a link opens a library document: at a passage (from its start to its end highlighted, scrolled to), in a past
/// version, with a search's words marked — one way to write it for every feature that points into the library.
/// </summary>
public static class DocumentLinks
{
    public static string At(int documentId, int? start = null, int? end = null, string? query = null, int? version = null)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, int? value)
        {
            if (value is { } v)
            {
                values.Add(new(key, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        Add("version", version);
        if (!string.IsNullOrWhiteSpace(query))
        {
            values.Add(new("q", query));
        }

        Add("s", start);
        Add("e", start is null ? null : end);
        var link = QueryHelpers.AddQueryString($"/documents/{documentId}", values);
        // Without a passage, a search still lands on its first marked word.
        return start is { } at ? $"{link}#s-{at}" : string.IsNullOrWhiteSpace(query) ? link : link + "#match-1";
    }
}
