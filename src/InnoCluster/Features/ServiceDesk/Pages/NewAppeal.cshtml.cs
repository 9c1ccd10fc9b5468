using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.ServiceDesk.Pages;

/// <summary>A firm files a request for itself; the desk records one from a call, a visit or a letter, naming the firm.</summary>
[Authorize(Policy = Policies.EnterpriseOrOfficial)]
public sealed class NewAppealModel(FileAppeal file, IRegistryDirectory registry) : PageModel
{
    public bool IsDesk => User.IsInRole(Roles.Official);

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public string? Topic { get; set; }

        public string? Text { get; set; }

        public string? Enterprise { get; set; }

        public AppealChannel Channel { get; set; } = AppealChannel.Hotline12345;

        public DateTime? ReceivedAt { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? firm = null;
        if (IsDesk && !string.IsNullOrWhiteSpace(Input.Enterprise))
        {
            firm = int.TryParse(Input.Enterprise, out var id) ? id : await registry.EnterpriseNamedAsync(Input.Enterprise.Trim(), cancellationToken);
        }

        DateTimeOffset? received = Input.ReceivedAt is { } local
            ? new DateTimeOffset(local, InnoCluster.Infrastructure.BeijingTime.Zone.GetUtcOffset(local))
            : null;
        var filed = await file.RunAsync(new FileAppeal.Request(Input.Topic, Input.Text, firm, IsDesk ? Input.Channel : null, received, Input.ContactName, Input.ContactPhone), User, cancellationToken);
        if (filed.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return Page();
        }

        return Redirect($"/appeals/{filed.Value!.Id}");
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
