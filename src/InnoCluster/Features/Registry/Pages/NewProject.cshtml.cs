using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>An official adds an investment-attraction project; its stages are recorded on its page.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewProjectModel(SaveProject save, ListDistricts districts, IRegistryDirectory directory) : PageModel
{
    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public IReadOnlyList<ChainNodeInfo> Nodes { get; private set; } = [];

    public ProjectForm Form { get; private set; } = ProjectForm.Empty;

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => (Districts, Nodes) = (await districts.RunAsync(cancellationToken), await directory.ChainNodesAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(ProjectForm form, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(null, form.ToRequest(), cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"/projects/{saved.Value}");
        }

        (Form, Problem, Errors) = (form, saved.Problem!.Text, saved.Problem.AsFieldErrors());
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
