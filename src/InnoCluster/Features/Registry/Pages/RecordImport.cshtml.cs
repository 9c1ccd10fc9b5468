using System.Security.Claims;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>An official imports a list of one kind of record (a tier list, certified products, standards, filings) or of carriers: dry run first, then all rows or none.</summary>
[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Import)]
public sealed class RecordImportModel(ImportEnterpriseRecords import, ImportCarriers carriers) : PageModel
{
    /// <summary>The value the form's kind list gives carriers, beside the record kinds.</summary>
    public const string CarriersKind = "Carriers";

    /// <summary>A record kind, or <see cref="CarriersKind"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = nameof(RecordKind.Designations);

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
        var (dryRun, by) = (mode != "apply", User.FindFirstValue(ClaimTypes.Email) ?? "official");
        Report = Kind == CarriersKind ? await carriers.RunAsync(file.FileName, stream, dryRun, by, cancellationToken)
            : Enum.TryParse<RecordKind>(Kind, out var kind) && Enum.IsDefined(kind) ? await import.RunAsync(kind, file.FileName, stream, dryRun, by, cancellationToken)
            : null;
        Problem = Report is null ? Ui.L("请选择记录种类", "Choose the kind of record") : null;
        return Page();
    }
}
