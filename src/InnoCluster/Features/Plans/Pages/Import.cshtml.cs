using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>An official imports an action plan from a document of the library; the platform proposes its structure for review.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ImportPlanModel(ListPlans plans, ImportPlan import, IDocumentLibrary library) : PageModel
{
    public sealed record Candidate(int Id, string Title, string? Number, int? PlanId);

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(int documentId, CancellationToken cancellationToken)
    {
        var result = await import.RunAsync(documentId, cancellationToken);
        if (result.Value is { } plan)
        {
            return Redirect($"/plans/{plan.Id}/structure");
        }

        var problem = result.Problem!;
        if (problem.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problem = problem.Text;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var imported = (await plans.RunAsync(cancellationToken)).ToDictionary(p => p.DocumentId, p => p.Id);
        var documents = await library.PoliciesTitledAsync(["计划", "方案", "规划"], 200, cancellationToken);
        Candidates = [.. documents.Select(d => new Candidate(d.Id, d.Title, d.DocumentNumber, imported.TryGetValue(d.Id, out var p) ? p : null))];
    }
}
