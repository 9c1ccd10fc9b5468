using System.Text.RegularExpressions;
using InnoCluster.Features.Site;

namespace InnoCluster.SecurityTests;

/// <summary>The site map names real pages, each with the policy its page declares (so it never offers a page a reader cannot open, nor hides one they can).</summary>
public sealed class SiteMapTests
{
    public static TheoryData<string, string> Entries()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in SiteMap.Sections.SelectMany(s => s.Entries))
        {
            data.Add(entry.Path, entry.Policy);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_IsAPage_WithThePolicyThePageDeclares(string path, string policy)
    {
        var pages = EndpointPolicyTable.Table.Where(row => row.Key.StartsWith("PAGE ", StringComparison.Ordinal) && Matches(row.Key[5..], path)).ToList();
        Assert.True(pages.Count == 1, $"{path} matches {pages.Count} pages in the endpoint-policy table");
        Assert.Equal(pages[0].Value, policy);
    }

    /// <summary>A route template ("/plans/{id:int?}") against an address with no parameters filled in.</summary>
    private static bool Matches(string template, string path)
    {
        string Parameter(Match m) => m.Groups["type"].Value is "int" or "long" ? @"\d+" : "[^/]+";
        var pattern = Regex.Replace(template, @"/\{\w+(:(?<type>\w+))?\?\}", m => "(/" + Parameter(m) + ")?");
        pattern = Regex.Replace(pattern, @"\{\w+(:(?<type>\w+))?\}", Parameter);
        return Regex.IsMatch(path, "^" + pattern + "$");
    }
}
