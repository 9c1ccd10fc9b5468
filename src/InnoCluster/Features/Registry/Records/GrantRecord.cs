using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Another feature's result writes a record onto a firm: a call's 头雁 selection becomes the tier, a 首版次 or
/// 融合创新 selection the product's certification, each with its level, year and the result as source. A firm
/// that already holds the same record keeps it (nothing is overwritten); the caller saves with its own unit of work.
/// </summary>
[FeatureContract]
public sealed class GrantRecord(InnoClusterDbContext db)
{
    /// <summary>Whether the designation was added (false: the firm already holds it for that year, or is not registered).</summary>
    public async Task<bool> DesignationAsync(int enterpriseId, Tier tier, TierLevel level, int? year, Provenance source, CancellationToken cancellationToken)
    {
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken)
            || await db.Set<EnterpriseTier>().AnyAsync(t => t.EnterpriseId == enterpriseId && t.Tier == tier && t.Year == year && t.Status != RecordStatus.Rejected, cancellationToken))
        {
            return false;
        }

        db.Add(new EnterpriseTier { EnterpriseId = enterpriseId, Tier = tier, Level = level, Year = year, Source = source, EnteredBy = source.Source });
        return true;
    }

    /// <summary>Whether the certification was added (false: the product already holds it at that level, or the firm is not registered).</summary>
    public async Task<bool> CertificationAsync(int enterpriseId, CertificationKind kind, string productName, TierLevel level, int? year, Provenance source, CancellationToken cancellationToken)
    {
        var product = productName.Trim();
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken)
            || await db.Set<ProductCertification>().AnyAsync(c => c.EnterpriseId == enterpriseId && c.Kind == kind && c.ProductName == product && c.Level == level && c.Status != RecordStatus.Rejected && c.EndedOn == null, cancellationToken))
        {
            return false;
        }

        db.Add(new ProductCertification { EnterpriseId = enterpriseId, Kind = kind, ProductName = product.Length > 200 ? product[..200] : product, Level = level, Year = year, Source = source, EnteredBy = source.Source });
        return true;
    }
}
