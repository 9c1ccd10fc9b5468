using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>The office registers a proposal it was assigned, with its units and the date the reply is due.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewProposalModel(RegisterProposal register) : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public ProposalKind Kind { get; set; }

        public string? Session { get; set; }

        public int? Number { get; set; }

        public string? Proposer { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? LeadUnit { get; set; }

        public string? CoUnits { get; set; }

        public DateOnly? DueOn { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var coUnits = FormLists.Split(Input.CoUnits);
        var registered = await register.RunAsync(new RegisterProposal.Request(Input.Kind, Input.Session, Input.Number, Input.Proposer, Input.Title, Input.Text, Input.LeadUnit, coUnits, Input.DueOn), User, cancellationToken);
        if (registered.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return Page();
        }

        return Redirect($"/proposals/{registered.Value!.Id}");
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
