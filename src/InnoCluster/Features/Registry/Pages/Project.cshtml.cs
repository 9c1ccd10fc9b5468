using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>One investment project with its stages and their sources; the official records stages and edits it (the API's use cases).</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ProjectModel(ListProjects list, ListDistricts districts, IRegistryDirectory directory, SaveProject save, RecordProjectStage stage) : UseCasePageModel
{
    public ListProjects.Item Project { get; private set; } = null!;

    public ProjectForm Form { get; private set; } = ProjectForm.Empty;

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public IReadOnlyList<ChainNodeInfo> Nodes { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => AfterAsync(id, null, null, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(int id, ProjectForm form, CancellationToken cancellationToken)
    {
        var saved = await save.RunAsync(id, form.ToRequest(), cancellationToken);
        Form = saved.Succeeded ? Form : form;
        return await AfterAsync(id, saved.Problem, Ui.L("已保存。", "Saved."), cancellationToken);
    }

    public async Task<IActionResult> OnPostStageAsync(int id, RecordProjectStage.Request request, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await stage.RunAsync(User, id, request, cancellationToken)).Problem, Ui.L("阶段已记录。", "The stage is recorded."), cancellationToken);

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await list.RunAsync(new(), cancellationToken, id) is not [var project])
        {
            return false;
        }

        (Project, Districts, Nodes) = (project, await districts.RunAsync(cancellationToken), await directory.ChainNodesAsync(cancellationToken));
        Form = keepInput && Form != ProjectForm.Empty ? Form : ProjectForm.Of(project);
        return true;
    }
}
