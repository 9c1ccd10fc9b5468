using System.Security.Claims;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>An official imports a list of one kind of record (a tier list, certified products, standards, filings): dry run first, then all rows or none.</summary>
[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Import)]
public sealed class RecordImportModel(ImportEnterpriseRecords import) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RecordKind Kind { get; set; } = RecordKind.Designations;

    public ImportReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Problem = Ui.L("请选择要上传的文件", "Choose a file to upload");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Report = await import.RunAsync(Kind, file.FileName, stream, dryRun: mode != "apply", User.FindFirstValue(ClaimTypes.Email) ?? "official", cancellationToken);
        return Page();
    }
}
