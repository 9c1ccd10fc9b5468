using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>An official adds an investment-attraction project or a target (no stage yet); its stages are recorded on its page.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewProjectModel(SaveProject save, ListDistricts districts, IRegistryDirectory directory) : PageModel
{
    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public IReadOnlyList<ChainNodeInfo> Nodes { get; private set; } = [];

    public ProjectForm Form { get; private set; } = ProjectForm.Empty;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The empty form; from a chain link's target list (<paramref name="node"/>), with that link picked.</summary>
    public async Task OnGetAsync(string? node, CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        if (Nodes.Any(n => n.Code == node))
        {
            Form = ProjectForm.Empty with { ChainNode = node };
        }
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken) =>
        (Districts, Nodes) = (await districts.RunAsync(cancellationToken), await directory.ChainNodesAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(ProjectForm form, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(null, form.ToRequest(), cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"/projects/{saved.Value}");
        }

        (Form, Problem, Errors) = (form, saved.Problem!.Text, saved.Problem.AsFieldErrors());
        await LoadListsAsync(cancellationToken);
        return Page();
    }
}
