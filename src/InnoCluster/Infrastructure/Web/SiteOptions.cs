namespace InnoCluster.Infrastructure.Web;

/// <summary>The site as people reach it (setting Security:PublicUrl), for links in messages and the CLI.</summary>
public sealed class SiteOptions
{
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>An absolute link to a path on the site.</summary>
    public string Link(string path) => PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
