using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>A name the registry knows, for other features to recognise in text.</summary>
public sealed record RegistryName(string Name, int? EnterpriseId, int? CarrierId);

/// <summary>A document that mentions an enterprise, as the document library reports it.</summary>
public sealed record MentioningDocument(int DocumentId, string Title, string Kind, DateOnly? Date, int Mentions, string? FirstSentence, int? FirstSentenceStart);

/// <summary>The registry's public service for other features: its names (enterprises and carriers).</summary>
public interface IRegistryDirectory
{
    Task<IReadOnlyList<RegistryName>> NamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, string>> EnterpriseNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, string>> CarrierNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);
}

/// <summary>Implemented by the document library; the registry asks it which documents name an enterprise.</summary>
public interface IEnterpriseMentions
{
    Task<IReadOnlyList<MentioningDocument>> ForEnterpriseAsync(int enterpriseId, CancellationToken cancellationToken);
}

public sealed class RegistryDirectory(InnoClusterDbContext db) : IRegistryDirectory
{
    public async Task<IReadOnlyList<RegistryName>> NamesAsync(CancellationToken cancellationToken)
    {
        var enterprises = await db.Set<EnterpriseName>().AsNoTracking().Select(n => new RegistryName(n.Name, n.EnterpriseId, null)).ToListAsync(cancellationToken);
        var carriers = await db.Set<Carrier>().AsNoTracking().Select(c => new { c.Id, c.Name, c.Aliases }).ToListAsync(cancellationToken);
        enterprises.AddRange(carriers.SelectMany(c => c.Aliases.Prepend(c.Name).Select(n => new RegistryName(n, null, c.Id))));
        // Short names of big firms (华为, 百度) are real mentions; single characters never are.
        return enterprises.Where(n => n.Name.Length >= 2).ToList();
    }

    public async Task<IReadOnlyDictionary<int, string>> EnterpriseNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

    public async Task<IReadOnlyDictionary<int, string>> CarrierNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Set<Carrier>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
}
