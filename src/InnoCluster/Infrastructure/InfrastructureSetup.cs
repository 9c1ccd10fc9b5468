using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InnoCluster.Infrastructure;

/// <summary>A feature's request rule that needs the authenticated user but runs before authorization.</summary>
public interface IAfterAuthentication
{
    Task InvokeAsync(HttpContext context, RequestDelegate next);
}

public static class InfrastructureSetup
{
    /// <summary>Database, search dialect, seeding, localization, problem details, auth, OpenAPI.</summary>
    public static WebApplicationBuilder AddInnoClusterInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var paths = InnoClusterPaths.From(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(paths);
        services.AddSingleton(_ => SeedSources.Load(paths));
        services.AddSingleton(TimeProvider.System);
        services.AddInnoClusterDatabase(builder.Configuration, paths);
        services.AddSingleton<ISearchDialect>(sp => sp.GetRequiredService<DatabaseInfo>().Provider == DatabaseProvider.Postgres
            ? new PostgresSearchDialect()
            : new SqliteSearchDialect());
        services.AddSingleton<DatabasePreparation>();
        services.AddScoped<Files.UploadStore>();
        services.AddSingleton<Files.ChromiumPdf>();
        services.Configure<Files.ChromiumPdfOptions>(builder.Configuration.GetSection("Reports"));
        services.Configure<Mail.MailOptions>(builder.Configuration.GetSection("Mail"));
        services.AddSingleton<Mail.MailSignal>();
        services.AddScoped<Mail.IMessageOutbox, Mail.QueuedMessageOutbox>();
        services.AddScoped<Mail.IMailTransport>(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mail.MailOptions>>().Value.Smtp.Host is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<Mail.SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<Mail.PickupDirectoryTransport>(sp));
        services.AddSingleton<Mail.MailDelivery>();
        services.AddHostedService<Mail.MailDeliveryService>();
        services.AddSingleton<Cli.ICliVerb, Mail.MailVerb>();
        services.Configure<Jobs.JobOptions>(builder.Configuration.GetSection("Jobs"));
        services.AddSingleton<Jobs.JobSignal>();
        services.AddSingleton<Jobs.JobProgressBoard>();
        services.AddScoped<Jobs.JobQueue>();
        services.AddSingleton<Jobs.JobRunner>();
        services.AddHostedService<Jobs.JobRunnerService>();
        services.AddSingleton<Cli.ICliVerb, Backup.BackupVerb>();
        services.AddSingleton<Cli.ICliVerb, Backup.RestoreVerb>();
        services.Configure<SiteOptions>(builder.Configuration.GetSection("Security"));
        services.Configure<Files.UploadOptions>(builder.Configuration.GetSection("Security"));
        // Request bodies: the server's ceiling here; each request gets its own, smaller limit from
        // RequestBodyLimits before anything reads it (anonymous and plain requests small, file endpoints more).
        var bodyLimits = BodyLimitOptions.From(builder.Configuration);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(bodyLimits));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimits.MaxBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimits.MaxBytes);
        services.AddSingleton<Cli.ICliVerb, ReindexVerb>();
        services.AddSingleton<Jobs.IJobKind, ReindexJob>();
        services.AddSingleton<Seeding.ISeedStep, SearchIndexSeedStep>();
        services.AddSingleton<Cli.ICliVerb, Cli.MigrateVerb>();
        services.AddSingleton<Cli.ICliVerb, Cli.SeedVerb>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("database");

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemMapping.InReadersLanguage(context.ProblemDetails));
        // Chinese text is written as itself, not as numeric entities; markup characters are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // JSON the same way: 人工智能, not \u4eba…; <, >, & and quotes stay escaped.
        // Enums by name ("Rejected", "Policy"), which clients can read without our source.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddInnoClusterLocalization();
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization();
        services.AddOpenApi();
        Policies.Register(services.AddAuthorizationBuilder());
        var trustedProxies = builder.Configuration.GetSection("Security:TrustedProxies").Get<List<string>>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // ASP.NET trusts loopback by default, and everyone when both lists are empty: here only the
            // proxies named in configuration are trusted, and with none the headers are not read at all.
            o.ForwardedHeaders = trustedProxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in trustedProxies)
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }
        });
        return builder;
    }

    public static WebApplication UseInnoClusterWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseMiddleware<Data.StorageFailureResponses>();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<RequestBodyLimits>();
        app.UseMiddleware<AfterAuthentication>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 503, [HealthStatus.Unhealthy] = 503 },
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapDisplaySwitch();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Runs the middleware features registered to run between authentication and authorization.</summary>
    private sealed class AfterAuthentication(RequestDelegate next, IEnumerable<IAfterAuthentication> steps)
    {
        private readonly RequestDelegate _pipeline = steps.Reverse().Aggregate(next, (inner, step) => context => step.InvokeAsync(context, inner));

        public Task InvokeAsync(HttpContext context) => _pipeline(context);
    }

    /// <summary>Healthy once migrations and seed data are in and the database answers.</summary>
    private sealed class ReadinessCheck(DatabasePreparation preparation, IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!preparation.IsReady)
            {
                return HealthCheckResult.Unhealthy("migrations and seed data are not applied yet");
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
