using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>A name the registry knows, for other features to recognise in text.</summary>
[FeatureContract]
public sealed record RegistryName(string Name, int? EnterpriseId, int? CarrierId);

/// <summary>A document that mentions an enterprise, as the document library reports it.</summary>
[FeatureContract]
public sealed record MentioningDocument(int DocumentId, string Title, string Kind, DateOnly? Date, int Mentions, string? FirstSentence, int? FirstSentenceStart);

/// <summary>A district (板块) as other features see it.</summary>
[FeatureContract]
public sealed record DistrictInfo(int Id, string Code, string Name, string NameEn, IReadOnlyList<string> Aliases, string? Specialities, Provenance? Source, int SortOrder, string City = "")
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>A node of the industry chain (layer, segment or node) as other features see it.</summary>
[FeatureContract]
public sealed record ChainNodeInfo(int Id, string Code, string Name, string NameEn, ChainLayer Layer, ChainNodeLevel Level, int? ParentId, IReadOnlyList<string> Synonyms, int SortOrder)
{
    public IEnumerable<string> AllNames => Synonyms.Prepend(Name);
}

/// <summary>What matching reads of an enterprise: its name, business scope, products, district and chain links.</summary>
[FeatureContract]
public sealed record EnterpriseSketch(int Id, string Name, string? Business, int? DistrictId, IReadOnlyList<string> Products, IReadOnlyList<int> ChainNodeIds);

/// <summary>An enterprise as a person claiming it sees it: who it is, and the e-mail domain that admits its people (null: none set).</summary>
[FeatureContract]
public sealed record EnterpriseCard(int Id, string Name, string? CreditCode, string? MailDomain);

/// <summary>The registry's public service for other features: names, districts, the chain, enterprises in brief.</summary>
[FeatureContract]
public interface IRegistryDirectory
{
    Task<IReadOnlyList<RegistryName>> NamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, string>> EnterpriseNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, string>> CarrierNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    Task<bool> EnterpriseExistsAsync(int id, CancellationToken cancellationToken);

    Task<int> EnterpriseCountAsync(CancellationToken cancellationToken);

    /// <summary>The enterprise whose name (or a former or short name) is exactly this one, if any.</summary>
    Task<int?> EnterpriseNamedAsync(string name, CancellationToken cancellationToken);

    /// <summary>The enterprise registered under a credit code (stored normalised), if any.</summary>
    Task<int?> EnterpriseWithCreditCodeAsync(CreditCode code, CancellationToken cancellationToken);

    Task<EnterpriseCard?> CardAsync(int id, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<int, EnterpriseSketch>> SketchesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>The ten districts, in the order the plan lists them.</summary>
    Task<IReadOnlyList<DistrictInfo>> DistrictsAsync(CancellationToken cancellationToken);

    /// <summary>Every chain node, in map order.</summary>
    Task<IReadOnlyList<ChainNodeInfo>> ChainNodesAsync(CancellationToken cancellationToken);

    /// <summary>The node with this code and every node below it; empty when the code is unknown.</summary>
    Task<IReadOnlyList<int>> ChainSubtreeAsync(string code, CancellationToken cancellationToken);
}

/// <summary>Implemented by the document library; the registry asks it which documents name an enterprise.</summary>
[FeatureContract]
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

    public Task<bool> EnterpriseExistsAsync(int id, CancellationToken cancellationToken) => db.Set<Enterprise>().AnyAsync(e => e.Id == id, cancellationToken);

    public Task<int> EnterpriseCountAsync(CancellationToken cancellationToken) => db.Set<Enterprise>().CountAsync(cancellationToken);

    public async Task<int?> EnterpriseNamedAsync(string name, CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().Where(e => e.Name == name || e.Names.Any(n => n.Name == name)).OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<int?> EnterpriseWithCreditCodeAsync(CreditCode code, CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().Where(e => e.CreditCode == code.Value).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<EnterpriseCard?> CardAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == id).Select(e => new EnterpriseCard(e.Id, e.Name, e.CreditCode, e.MailDomain)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<int, EnterpriseSketch>> SketchesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EnterpriseSketch(
                e.Id,
                e.Name,
                e.Business,
                e.DistrictId,
                e.Products.Select(p => p.Name + " " + p.Description).ToList(),
                e.ChainLinks.Select(l => l.ChainNodeId).ToList()))
            .ToDictionaryAsync(e => e.Id, cancellationToken);

    public async Task<IReadOnlyList<DistrictInfo>> DistrictsAsync(CancellationToken cancellationToken) =>
        (await db.Set<District>().AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(cancellationToken))
            .Select(d => new DistrictInfo(d.Id, d.Code, d.Name, d.NameEn, d.Aliases, d.Specialities, d.Source, d.SortOrder, d.City)).ToList();

    public async Task<IReadOnlyList<ChainNodeInfo>> ChainNodesAsync(CancellationToken cancellationToken) =>
        (await db.Set<ChainNode>().AsNoTracking().OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync(cancellationToken))
            .Select(n => new ChainNodeInfo(n.Id, n.Code, n.Name, n.NameEn, n.Layer, n.Level, n.ParentId, n.Synonyms, n.SortOrder)).ToList();

    public async Task<IReadOnlyList<int>> ChainSubtreeAsync(string code, CancellationToken cancellationToken) =>
        await ChainTaxonomy.SubtreeIdsAsync(db, code, cancellationToken);
}
