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

    /// <summary>The form's fields, bound straight to the profile's record.</summary>
    [BindProperty]
    public SiteProfile.Fields Input { get; set; } = SiteProfile.Fields.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await get.RunAsync(cancellationToken);
        (Input, UpdatedAt) = (view.Fields, view.UpdatedAt);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await update.RunAsync(Input, User, cancellationToken);
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
