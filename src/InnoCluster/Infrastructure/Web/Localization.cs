using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace InnoCluster.Infrastructure.Web;

/// <summary>Simplified Chinese by default; English by the switch in the page header (cookie) or ?culture=en, and for API clients by Accept-Language.</summary>
public static class Localization
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddInnoClusterLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = [Chinese, English];
            options.SupportedUICultures = [Chinese, English];
            // An API client that names no culture otherwise says which language it reads in Accept-Language; a
            // page follows the switch only (a browser's Accept-Language would override the Chinese-first default).
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
        });
        return services;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Picks the text for the current UI language.</summary>
    public static string Pick(string chinese, string english) => IsEnglish ? english : chinese;

    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = culture == "en" ? English : Chinese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(ReturnUrl.Local(returnUrl));
        })
        .WithName("SwitchCulture")
        .AllowAnonymous()
        .ExcludeFromDescription();
}

/// <summary>Accept-Language, for requests to the API only.</summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider _header = new();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? _header.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
}
