using System.Text.RegularExpressions;
using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Action plans and their targets — so far: proposing a plan's targets from its document (004 at first
/// start) and reading them. Indicators, progress, the dashboard and the annual report are the rest of the
/// action-plan issue.
/// </summary>
public static partial class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanImport>();
        services.AddSingleton<ISeedStep, PlanSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Plans");
        api.MapGet("/plans", ListAsync).RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{id:int}/targets", TargetsAsync).RequireAuthorization(Policies.Public);
        return app;
    }

    public sealed record PlanDto(int Id, string Title, int DocumentId, int? StartYear, int? EndYear, int Targets);

    public sealed record SourceDto(int DocumentId, string Quote, int SentenceStart);

    /// <summary>
    /// A target as the API gives it. <c>latestValue</c> and <c>status</c> need the target's indicator (computed
    /// or reported), which is not built yet: until then they are null and "NoData" — never a guess.
    /// </summary>
    public sealed record TargetDto(int Id, string Name, decimal TargetValue, decimal? UpperValue, string Unit, Qualifier Qualifier, string TargetText, int? Deadline, TargetPeriod Period, decimal? LatestValue, string Status, bool Proposed, IReadOnlyList<SourceDto> Sources);

    private static async Task<Ok<List<PlanDto>>> ListAsync(InnoClusterDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<ActionPlan>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new PlanDto(p.Id, p.Title, p.DocumentId, p.StartYear, p.EndYear, p.Targets.Count)).ToListAsync(ct));

    private static async Task<Results<Ok<List<TargetDto>>, NotFound>> TargetsAsync(int id, InnoClusterDbContext db, CancellationToken ct)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == id, ct);
        return plan is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(plan.Targets.OrderBy(t => t.Order).Select(t => new TargetDto(
                t.Id, t.Name, t.TargetValue, t.UpperValue, t.Unit, t.Qualifier, t.Text, t.Deadline, t.Period, null, "NoData", t.Proposed,
                [new SourceDto(plan.DocumentId, t.Sentence, t.SentenceStart)])).ToList());
    }

    [GeneratedRegex(@"(?<from>20\d{2})\s*[-—–~至]\s*(?<to>20\d{2})\s*年")]
    internal static partial Regex PeriodPattern();
}

/// <summary>Reads a plan document's targets into an action plan (replacing the proposals of an earlier reading).</summary>
public sealed class PlanImport(InnoClusterDbContext db, TimeProvider clock)
{
    public async Task<ActionPlan?> ImportAsync(int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document?.CurrentVersionId is not { } versionId)
        {
            return null;
        }

        var text = await db.Set<DocumentVersion>().Where(v => v.Id == versionId).Select(v => v.CleanText).SingleAsync(cancellationToken);
        var period = PlansFeature.PeriodPattern().Match(TextNormalizer.Normalize(document.Title));
        int? start = period.Success ? int.Parse(period.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int? end = period.Success ? int.Parse(period.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var plan = await db.Set<ActionPlan>().Include(p => p.Targets).SingleOrDefaultAsync(p => p.DocumentId == documentId, cancellationToken);
        if (plan is null)
        {
            plan = new ActionPlan { DocumentId = documentId, CreatedAt = clock.GetUtcNow() };
            db.Add(plan);
        }

        plan.Title = document.Title;
        plan.StartYear = start;
        plan.EndYear = end;
        plan.Targets.RemoveAll(t => t.Proposed);
        var order = plan.Targets.Count == 0 ? 0 : plan.Targets.Max(t => t.Order) + 1;
        foreach (var target in PlanTargetExtractor.Extract(text, document.Year ?? start, end))
        {
            plan.Targets.Add(new PlanTarget
            {
                Order = order++,
                Name = target.Name.Length > 300 ? target.Name[..300] : target.Name,
                TargetValue = target.Value,
                UpperValue = target.UpperValue,
                Unit = target.Unit,
                Qualifier = target.Qualifier,
                Deadline = target.Deadline,
                Period = target.Period,
                Text = target.Text,
                Sentence = target.Sentence.Length > 4000 ? target.Sentence[..4000] : target.Sentence,
                SentenceStart = target.SentenceStart,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }
}

/// <summary>The seed's action plans (documents titled 行动计划), read at first start the way an official would import them.</summary>
public sealed class PlanSeedStep : ISeedStep
{
    public string Name => "action-plans";

    public int Order => 45;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [SeedSources.FileName];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var import = context.Services.GetRequiredService<PlanImport>();
        var plans = await db.Set<Document>().Where(d => d.SeedFile != null && d.Kind == DocumentKind.Policy && d.Title.Contains("行动计划")).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var id in plans)
        {
            await import.ImportAsync(id, cancellationToken);
        }
    }
}
