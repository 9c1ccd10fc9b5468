namespace InnoCluster.Infrastructure.Web;

/// <summary>
/// The large-text mode (适老化 大字版) a reader switches on for themselves: a cookie, read by the layout,
/// which enlarges type, spacing and targets; the page and its content stay the same.
/// </summary>
public static class DisplayMode
{
    public const string CookieName = "ic-display";

    private const string Large = "large";

    public static bool IsLarge(HttpContext context) => context.Request.Cookies[CookieName] == Large;

    public static void MapDisplaySwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/display/{mode}", (string mode, string? returnUrl, HttpContext context) =>
        {
            if (mode == Large)
            {
                context.Response.Cookies.Append(CookieName, Large, new CookieOptions
                {
                    Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                    IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps,
                });
            }
            else
            {
                context.Response.Cookies.Delete(CookieName);
            }

            return Results.LocalRedirect(ReturnUrl.Local(returnUrl));
        })
        .WithName("SwitchDisplay")
        .AllowAnonymous()
        .ExcludeFromDescription();
}
