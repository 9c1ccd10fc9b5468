using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Site.Pages;

/// <summary>A system administrator states who runs the site (the footer's identity fields) and how to reach the office.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class EditSiteModel(GetSiteProfile get, UpdateSiteProfile update) : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        public string? Organizer { get; set; }

        public string? OrganizerEnglish { get; set; }

        public string? Operator { get; set; }

        public string? OperatorEnglish { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? OfficeHours { get; set; }

        public string? IcpNumber { get; set; }

        public string? PoliceFilingNumber { get; set; }

        public string? SiteCode { get; set; }

        public string? ContactNote { get; set; }

        public SiteProfile.Fields ToFields() => new(Organizer, OrganizerEnglish, Operator, OperatorEnglish, Address, Phone, Email, OfficeHours, IcpNumber, PoliceFilingNumber, SiteCode, ContactNote);

        public static Form From(SiteProfile.Fields f) => new()
        {
            Organizer = f.Organizer, OrganizerEnglish = f.OrganizerEnglish, Operator = f.Operator, OperatorEnglish = f.OperatorEnglish,
            Address = f.Address, Phone = f.Phone, Email = f.Email, OfficeHours = f.OfficeHours,
            IcpNumber = f.IcpNumber, PoliceFilingNumber = f.PoliceFilingNumber, SiteCode = f.SiteCode, ContactNote = f.ContactNote,
        };
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await get.RunAsync(cancellationToken);
        (Input, UpdatedAt) = (Form.From(view.Fields), view.UpdatedAt);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await update.RunAsync(Input.ToFields(), User, cancellationToken);
        if (saved.Problem is { } problem)
        {
            if (problem.AsPageResult(this) is { } result)
            {
                return result;
            }

            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
            return Page();
        }

        Notice = Ui.L("网站信息已保存，页脚和“联系我们”页已更新。", "Saved: the footer and the contact page show it now.");
        return RedirectToPage();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
