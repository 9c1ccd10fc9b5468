using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace InnoCluster.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core requests, the runtime, <see cref="InnoClusterMetrics"/>) exported at
/// /metrics in Prometheus text; traces (ASP.NET Core, the platform's sources) sent to an OTLP collector when
/// Telemetry:OtlpEndpoint is set; request logs (method, path, status, duration — never the query, which may
/// hold a token) and /alive for liveness beside /health for readiness.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddInnoClusterTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("innocluster", serviceInstanceId: Mail.MailDelivery.Node))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(InnoClusterMetrics.MeterName).AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase) && !c.Request.Path.StartsWithSegments("/alive", StringComparison.OrdinalIgnoreCase));
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestMethod | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPath
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>/metrics for the scraper on an allowed network (Telemetry:MetricsNetworks; loopback always), /alive for anyone.</summary>
    public static void MapInnoClusterTelemetry(this WebApplication app)
    {
        var networks = (app.Configuration.GetSection("Telemetry:MetricsNetworks").Get<List<string>>() ?? []).Select(IPNetwork.Parse).ToList();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            // No address: an in-process caller (tests). Otherwise loopback or a configured network only.
            var from = context.Connection.RemoteIpAddress;
            if (from is not null && !IPAddress.IsLoopback(from) && !networks.Any(n => n.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    }
}
