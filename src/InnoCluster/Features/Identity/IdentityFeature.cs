using System.Security.Claims;
using System.Threading.RateLimiting;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using InnoCluster.Infrastructure.Mail;

namespace InnoCluster.Features.Identity;

/// <summary>Identity: accounts, roles, sign-in with TOTP, personal access tokens, sessions, rate limits.</summary>
public static class IdentityFeature
{
    public const string SmartScheme = "cookie-or-token";
    public const string MfaClaim = "amr";
    public const string AuthTimeClaim = "auth_time";

    public static IServiceCollection AddIdentityFeature(this IServiceCollection services, IConfiguration configuration, InnoClusterPaths paths)
    {
        services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        var settings = configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();

        var keyRing = configuration.GetSection("DataProtection").Get<KeyRingOptions>() ?? new KeyRingOptions();
        var protection = services.AddDataProtection().SetApplicationName("InnoCluster");
        if (keyRing.LoadCertificate() is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        // Where the ring is kept is decided once the database is known (PostgreSQL: in it, for every node).
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
            o.XmlRepository = keyRing.InDatabase(sp.GetRequiredService<DatabaseInfo>().Provider)
                ? new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>())
                : new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.DataDirectory, "keys")), sp.GetRequiredService<ILoggerFactory>()));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.LockoutFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                // Length and composition are PasswordPolicy's, which knows the MLPS/ASVS setting.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InnoClusterDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(settings.SetPasswordLinkHours));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Every request re-reads the account: a revoked role, a deactivation or "sign out everywhere"
            // takes effect at once. The session's own claims (second factor, start time) are carried over.
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = context =>
            {
                var carried = context.CurrentPrincipal?.Claims.Where(c => c.Type is MfaClaim or AuthTimeClaim).ToList() ?? [];
                var identity = context.NewPrincipal?.Identities.First();
                foreach (var claim in carried)
                {
                    identity?.AddClaim(new Claim(claim.Type, claim.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = settings.SecureCookies ? "__Host-innocluster" : "innocluster";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = settings.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionRules.ValidateAsync;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = settings.SecureCookies ? "__Host-innocluster-2fa" : "innocluster-2fa";
            o.Cookie.SecurePolicy = settings.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = settings.SecureCookies ? "__Host-innocluster-csrf" : "innocluster-csrf";
            o.Cookie.SecurePolicy = settings.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimits.AnonymousWrite, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(RateLimits.Search, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SearchPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsFactory>();
        services.AddSingleton<IAfterAuthentication, IdentityRules>();
        services.AddSingleton<Totp>();
        services.AddSingleton<PersonalData>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<Accounts>();
        services.AddScoped<SetPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ListAccounts>();
        services.AddScoped<DeactivateAccount>();
        services.AddScoped<UnlockAccount>();
        services.AddScoped<ListOutbox>();
        services.AddScoped<RetryOutboxMessage>();
        services.AddScoped<SignOutEverywhere>();
        services.AddScoped<ExportPersonalData>();
        services.AddScoped<ErasePersonalData>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<IFirmAccounts, FirmAccounts>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<ChangeRoles>();
        services.AddScoped<DecideRoleRequest>();
        services.AddScoped<ResetSecondFactor>();
        services.AddScoped<CreateToken>();
        services.AddScoped<ReadAuditLog>();
        services.AddScoped<SignInFlow>();
        services.AddSingleton<ISeedStep, RoleSeedStep>();
        services.AddSingleton<ICliVerb, UsersVerb>();
        services.AddSingleton<ICliVerb, TokensVerb>();
        services.AddSingleton<ICliVerb, AuditVerb>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        app.MapIdentityApi();
        return app;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}


/// <summary>
/// Session rules checked on every request, after the security stamp: the absolute lifetime (12 hours
/// by default, however active the session), the second factor for the roles that need it, and the
/// account still being active.
/// </summary>
public static class SessionRules
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        var principal = context.Principal;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var started = principal.FindFirstValue(IdentityFeature.AuthTimeClaim);
        var tooOld = started is null || !long.TryParse(started, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(settings.AbsoluteSessionHours);
        var needsMfa = settings.MfaRoles.Any(principal.IsInRole) && principal.FindFirstValue(IdentityFeature.MfaClaim) != "mfa";
        if (tooOld || needsMfa)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>
/// After authentication: a password past its age (MLPS mode) may only be changed; a cookie-signed
/// API write must carry the antiforgery token (bearer-token clients need none: no ambient credential).
/// </summary>
public sealed class IdentityRules : IAfterAuthentication
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(AppClaimsFactory.PasswordExpired) == "true" && user.FindFirstValue(IdentityFeature.MfaClaim) != "pat")
        {
            var path = context.Request.Path;
            var allowed = path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/css", StringComparison.Ordinal)
                || path.StartsWithSegments("/js", StringComparison.Ordinal) || path.StartsWithSegments("/lib", StringComparison.Ordinal) || path.StartsWithSegments("/culture", StringComparison.Ordinal);
            if (!allowed)
            {
                if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem("密码已过期，请先修改密码 / the password has expired: change it first", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                }
                else
                {
                    context.Response.Redirect("/account/change-password?expired=1");
                }

                return;
            }
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            var antiforgery = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await Results.Problem("缺少防伪令牌 / missing antiforgery token (or use a personal access token)", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
