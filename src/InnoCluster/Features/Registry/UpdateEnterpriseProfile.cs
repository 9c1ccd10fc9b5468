using System.Security.Claims;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// An enterprise keeps its own profile (business line, products); officials may edit any. Only these
/// fields can change here: name, credit code, district and tiers are the registry's, changed by import.
/// </summary>
[FeatureContract]
public sealed class UpdateEnterpriseProfile(InnoClusterDbContext db, EnterpriseSearchIndexer indexer, TimeProvider clock)
{
    /// <summary>What changes; a null field stays as it is. The mail domain is the office's to set (it admits people to the firm).</summary>
    public sealed record Request(string? Business, IReadOnlyList<string>? Products, string? MailDomain = null);

    public const string OnlyItselfEdits = "只有企业本身或集群办可以修改 (only the enterprise's own accounts or an official edit it)";

    public static bool MayEdit(ClaimsPrincipal user, int enterpriseId) =>
        user.IsInRole(Roles.Official)
        || user.EnterpriseOf() == enterpriseId;

    public async Task<Result> RunAsync(ClaimsPrincipal user, int id, Request request, CancellationToken cancellationToken)
    {
        if (!MayEdit(user, id))
        {
            return Problem.Forbidden(OnlyItselfEdits);
        }

        if (request.Business is { Length: > 4000 })
        {
            return Problem.Invalid("business", "经营范围不超过 4000 字 (business: at most 4000 characters)");
        }

        if (request.Products is { } products && (products.Count > 50 || products.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 200)))
        {
            return Problem.Invalid("products", "产品至多 50 个，每个 1–200 字 (products: at most 50, each 1-200 characters)");
        }

        if (request.MailDomain is not null && !user.IsInRole(Roles.Official))
        {
            return Problem.Invalid("mailDomain", "企业邮箱域名由集群办设置 / only the cluster office sets the firm's e-mail domain");
        }

        string? domain = null;
        if (request.MailDomain is { } written && !MailDomains.TryNormalise(written, out domain))
        {
            return Problem.Invalid("mailDomain", $"「{written}」不是邮箱域名（如 example.com）/ not an e-mail domain (like example.com)");
        }

        var enterprise = await db.Set<Enterprise>().Include(e => e.Products).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return Problem.NotFound();
        }

        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        var editor = user.FindFirstValue(ClaimTypes.Email) ?? "user";
        if (request.Business is not null)
        {
            enterprise.Business = string.IsNullOrWhiteSpace(request.Business) ? null : request.Business.Trim();
        }

        if (request.Products is { } names)
        {
            enterprise.Products.RemoveAll(p => p.Source?.Kind == ProvenanceKind.Manual);
            foreach (var name in names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
            {
                if (!enterprise.Products.Exists(p => p.Name == name))
                {
                    enterprise.Products.Add(new Product { Name = name, Source = new Provenance { Kind = ProvenanceKind.Manual, Source = editor, SourceDate = today } });
                }
            }
        }

        if (request.MailDomain is not null)
        {
            enterprise.MailDomain = domain;
        }

        enterprise.UpdatedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await indexer.IndexAsync(db, [id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }
}
