using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>An official adds a carrier the sources do not name yet; its stages are recorded on its page.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewCarrierModel(SaveCarrier save, ListDistricts districts) : PageModel
{
    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public CarrierForm Form { get; private set; } = new(null, null, null, null, null, null, null, null, null, null);

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Districts = await districts.RunAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CarrierForm form, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(null, form.ToRequest(), cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"/carriers/{saved.Value}");
        }

        (Form, Problem, Errors, Districts) = (form, saved.Problem!.Text, saved.Problem.AsFieldErrors(), await districts.RunAsync(cancellationToken));
        return Page();
    }
}
