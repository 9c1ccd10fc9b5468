using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Registry.Pages;

[Authorize(Policy = Policies.Public)]
public sealed class ChainModel(ChainMap chainMap, ListDistricts districts) : PageModel
{
    public ChainMap.Result Map { get; private set; } = default!;

    public IReadOnlyList<ListDistricts.Item> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? district, CancellationToken cancellationToken)
    {
        var map = await chainMap.RunAsync(district, cancellationToken);
        if (map is null)
        {
            return NotFound();
        }

        Map = map;
        Districts = await districts.RunAsync(cancellationToken);
        return Page();
    }

    public ChainMap.Node? Find(string code) => Map.AllNodes.FirstOrDefault(n => n.Code == code);
}
