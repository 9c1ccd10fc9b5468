using System.Security.Claims;
using System.Xml.Linq;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Site;

/// <summary>The site's own statement of who runs it and how to reach them, and its map for search engines.</summary>
public static class SiteApi
{
    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Site");
        api.MapGet("/site", async (GetSiteProfile get, CancellationToken ct) => TypedResults.Ok(await get.RunAsync(ct))).RequireAuthorization(Policies.Public);
        api.MapPut("/site", async Task<Results<Ok<GetSiteProfile.View>, ProblemHttpResult>> (SiteProfile.Fields body, ClaimsPrincipal user, UpdateSiteProfile update, CancellationToken ct) =>
            (await update.RunAsync(body, user, ct)).ToOk(view => view)).RequireAuthorization(Policies.SystemAdmin);
        app.MapGet("/sitemap.xml", (IOptions<SiteOptions> site) => Results.Text(SitemapXml(site.Value), "application/xml; charset=utf-8"))
            .RequireAuthorization(Policies.Public)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The sitemaps.org document listing the public pages at the site's public address.</summary>
    internal static string SitemapXml(SiteOptions site)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(ns + "urlset", SiteMap.PublicEntries.Select(e => new XElement(ns + "url", new XElement(ns + "loc", site.Link(e.Path))))));
        return document.Declaration + "\n" + document.Root;
    }
}
