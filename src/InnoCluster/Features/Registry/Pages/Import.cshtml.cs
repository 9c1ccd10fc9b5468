using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Official)]
[BodyLimit(BodyKind.Import)]
public sealed class ImportModel(EnterpriseImport import, ImportMappings mappings) : PageModel
{
    public IReadOnlyList<ImportMappings.MappingDto> Mappings { get; private set; } = [];

    public string? Mapping { get; private set; }

    public ImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mappings = await mappings.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mapping, string? mode, CancellationToken cancellationToken)
    {
        Mappings = await mappings.ListAsync(cancellationToken);
        Mapping = string.IsNullOrWhiteSpace(mapping) ? null : mapping;
        if (file is null || file.Length == 0)
        {
            Report = ImportReport.ForFileError("", Mapping, true, Ui.L("请选择要上传的文件", "Choose a file to upload"));
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Report = await import.RunAsync(file.FileName, stream, Mapping, dryRun: mode != "apply", cancellationToken);
        return Page();
    }
}
