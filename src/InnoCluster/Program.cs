using InnoCluster.Features.Calculator;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Seeding;

var cli = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(cli is null ? args : cli.HostArgs);
builder.AddInnoClusterInfrastructure();
builder.Services.AddIdentityFeature(builder.Configuration, InnoClusterPaths.From(builder.Configuration, builder.Environment.ContentRootPath));
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddCalculator();
builder.Services.AddScenarios(builder.Configuration);
builder.Services.AddPlans(builder.Configuration);

var app = builder.Build();
if (cli is not null)
{
    return await CliRunner.RunAsync(app, cli);
}

await app.Services.GetRequiredService<DatabasePreparation>().RunAsync(seed: true, app.Lifetime.ApplicationStopping);
app.UseInnoClusterWeb();
app.MapIdentity();
app.MapRegistry();
app.MapDocuments();
app.MapCalculator();
app.MapScenarios();
app.MapPlans();
await app.RunAsync();
return 0;

public partial class Program;
