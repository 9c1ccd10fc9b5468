using InnoCluster.Features.Jobs;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Features.Site;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Telemetry;
using InnoCluster.Infrastructure.Web;

var cli = CliCommand.Parse(args);
var hostArgs = cli is null ? args : cli.HostArgs;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = PackagedContentRoot(hostArgs) });
// ASPNETCORE_URLS, --urls or Urls in configuration decide where it listens; only without any of them this default.
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]) && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Under systemd (Type=notify) READY is sent once the host has started, which is after migration and seeding below.
builder.Host.UseSystemd();
builder.AddInnoClusterInfrastructure();
builder.AddInnoClusterTelemetry();
builder.Services.AddIdentityFeature(builder.Configuration, InnoClusterPaths.From(builder.Configuration, builder.Environment.ContentRootPath));
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddCalculator();
builder.Services.AddCalls();
builder.Services.AddScenarios(builder.Configuration);
builder.Services.AddPlans(builder.Configuration);
builder.Services.AddJobs();
builder.Services.AddServiceDesk(builder.Configuration);
builder.Services.AddWorkspace(builder.Configuration);
builder.Services.AddSite();

var app = builder.Build();
if (cli is not null)
{
    return await CliRunner.RunAsync(app, cli);
}

if (ListenAddresses.IsKestrel(app.Services) && ListenAddresses.FirstTaken(builder.Configuration["urls"]) is { } taken)
{
    // Another process (often a second instance) holds the address: say so plainly before touching the database.
    await Console.Error.WriteLineAsync($"InnoCluster cannot listen on {taken}: address already in use. Stop the other process, or choose another address with ASPNETCORE_URLS or --urls.");
    return 1;
}

// One node (or `innocluster migrate` + `seed` as a deploy step) prepares the database; with
// Database:PrepareAtStart=false a node only waits for it, answering /health 503 until it is done.
if (builder.Configuration.GetValue("Database:PrepareAtStart", true))
{
    await app.Services.GetRequiredService<DatabasePreparation>().RunAsync(seed: true, app.Lifetime.ApplicationStopping);
}
else
{
    app.Services.GetRequiredService<DatabasePreparation>().WatchUntilReady(app.Lifetime.ApplicationStopping);
}

app.UseHttpLogging();
app.UseInnoClusterWeb();
app.MapInnoClusterTelemetry();
app.MapIdentity();
app.MapRegistry();
app.MapDocuments();
app.MapCalculator();
app.MapCalls();
app.MapScenarios();
app.MapPlans();
app.MapJobs();
app.MapServiceDesk();
app.MapWorkspace();
app.MapSite();
try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Taken between the check above and the start.
    await Console.Error.WriteLineAsync($"InnoCluster cannot listen: {ex.Message} Stop the other process, or choose another address with ASPNETCORE_URLS or --urls.");
    return 1;
}

return 0;

public partial class Program
{
    /// <summary>
    /// A published package started from another directory (systemd, a shell elsewhere) serves its own
    /// wwwroot: the content root is the binary's folder when the working directory has none. In the
    /// repository (scripts/run.sh) and in tests nothing changes.
    /// </summary>
    private static string? PackagedContentRoot(string[] hostArgs) =>
        !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"))
        && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
        && !hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            ? AppContext.BaseDirectory
            : null;
}
