using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>Questions about the chain tree that several use cases ask.</summary>
public static class ChainTaxonomy
{
    /// <summary>The node with this code and all nodes below it; empty when the code is unknown.</summary>
    public static async Task<List<int>> SubtreeIdsAsync(InnoClusterDbContext db, string code, CancellationToken cancellationToken)
    {
        var nodes = await db.Set<ChainNode>().AsNoTracking().Select(n => new { n.Id, n.Code, n.ParentId }).ToListAsync(cancellationToken);
        var root = nodes.FirstOrDefault(n => string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase));
        if (root is null)
        {
            return [];
        }

        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value, n => n.Id);
        var result = new List<int>();
        var pending = new Stack<int>([root.Id]);
        while (pending.TryPop(out var id))
        {
            result.Add(id);
            foreach (var child in children[id])
            {
                pending.Push(child);
            }
        }

        return result;
    }
}
