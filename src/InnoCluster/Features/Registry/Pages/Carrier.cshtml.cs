using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCluster.Features.Registry.Pages;

/// <summary>One carrier with its stages, level and backers and the sentences it comes from; officials edit it and record its stages (the API's use cases).</summary>
[Authorize(Policy = Policies.Public)]
public sealed class CarrierModel(ListCarriers list, ListDistricts districts, SaveCarrier save, RecordCarrierStage stage, RecordCarrierCapacity capacity) : UseCasePageModel
{
    public ListCarriers.Item Carrier { get; private set; } = null!;

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => AfterAsync(id, null, null, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(int id, CarrierForm form, CancellationToken cancellationToken) =>
        !IsOfficial ? Forbid() : await AfterAsync(id, (await save.RunAsync(id, form.ToRequest(), cancellationToken)).Problem, Ui.L("已保存。", "Saved."), cancellationToken);

    public async Task<IActionResult> OnPostStageAsync(int id, RecordCarrierStage.Request request, CancellationToken cancellationToken) =>
        !IsOfficial ? Forbid() : await AfterAsync(id, (await stage.RunAsync(User, id, request, cancellationToken)).Problem, Ui.L("阶段已记录。", "The stage is recorded."), cancellationToken);

    public async Task<IActionResult> OnPostCapacityAsync(int id, RecordCarrierCapacity.Request request, CancellationToken cancellationToken) =>
        !IsOfficial ? Forbid() : await AfterAsync(id, (await capacity.RunAsync(User, id, request, cancellationToken)).Problem, Ui.L("算力规模已记录。", "The capacity is recorded."), cancellationToken);

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await list.RunAsync(null, null, cancellationToken, id) is not [var carrier])
        {
            return false;
        }

        (Carrier, Districts) = (carrier, await districts.RunAsync(cancellationToken));
        return true;
    }
}

/// <summary>The carrier form as posted: lists one per line (aliases, chain-node codes, backers: a firm's number or a name).</summary>
public sealed record CarrierForm(string? Name, string? Kind, string? Level, string? District, string? City, int? HostEnterpriseId, string? ApprovingBody, string? Aliases, string? ChainNodes, string? Backers,
    decimal? FundSize = null, string? FundManager = null, string? FundFocus = null)
{
    private static IReadOnlyList<string> Lines(string? text) => [.. (text ?? "").Split(['\n', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public SaveCarrier.Request ToRequest() => new(Name, Kind, Level, District, City, HostEnterpriseId, ApprovingBody, Lines(Aliases), Lines(ChainNodes),
        [.. Lines(Backers).Select(b => int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? new SaveCarrier.Backer(id, null) : new SaveCarrier.Backer(null, b))], FundSize, FundManager, FundFocus);

    public static CarrierForm Of(ListCarriers.Item c) => new(c.Name, c.Kind, c.Level, c.District?.Code, c.City, c.Host?.Id, c.ApprovingBody, string.Join("\n", c.Aliases),
        string.Join("\n", c.ChainNodes.Select(n => n.Code)), string.Join("\n", c.Backers.Select(b => b.EnterpriseId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? b.Name)),
        c.Fund?.Size, c.Fund?.Manager, c.Fund?.Focus);
}
