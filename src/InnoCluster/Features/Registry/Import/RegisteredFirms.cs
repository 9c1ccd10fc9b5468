using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry.Import;

/// <summary>
/// The registered firms an import matches its rows to: by credit code, else by any of their names (registered,
/// short or former), read once per file in three narrow queries.
/// </summary>
public sealed class RegisteredFirms
{
    private readonly Dictionary<string, int> _byCode;
    private readonly ILookup<string, int> _byName;

    private RegisteredFirms(Dictionary<string, int> byCode, ILookup<string, int> byName, IReadOnlyDictionary<int, string> names) =>
        (_byCode, _byName, Names) = (byCode, byName, names);

    /// <summary>Each firm's registered name, by id.</summary>
    public IReadOnlyDictionary<int, string> Names { get; }

    public static async Task<RegisteredFirms> LoadAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Set<Enterprise>().AsNoTracking().Where(e => e.CreditCode != null).Select(e => new { e.Id, e.CreditCode }).ToListAsync(cancellationToken);
        var names = await db.Set<Enterprise>().AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var otherNames = await db.Set<EnterpriseName>().AsNoTracking().Select(n => new { n.EnterpriseId, n.MatchKey }).ToListAsync(cancellationToken);
        return new RegisteredFirms(
            codes.ToDictionary(c => c.CreditCode!, c => c.Id, StringComparer.OrdinalIgnoreCase),
            names.Select(n => (Key: NameKey.For(n.Name), n.Id)).Concat(otherNames.Select(n => (Key: n.MatchKey, Id: n.EnterpriseId)))
                .Where(n => n.Key.Length > 0).Distinct().ToLookup(n => n.Key, n => n.Id, StringComparer.Ordinal),
            names.ToDictionary(n => n.Id, n => n.Name));
    }

    /// <summary>The one firm a name stands for; null when none or several do.</summary>
    public int? Named(string name) => _byName[NameKey.For(name)].Distinct().ToList() is [var id] ? id : null;

    /// <summary>The firm a row names by credit code (when given) or name, or why it names none.</summary>
    public (int? Id, string? Error) Match(string? code, string? name)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            return _byCode.TryGetValue(code.Trim(), out var byCode) ? (byCode, null) : (null, $"登记库中没有信用代码为 {code.Trim()} 的企业 / no registered firm has this credit code");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "请填写企业名称或信用代码 / the firm's name or credit code is required");
        }

        var matches = _byName[NameKey.For(name)].Distinct().ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"登记库中没有名为“{name.Trim()}”的企业（请先登记或改用信用代码） / no registered firm by this name"),
            _ => (null, $"有 {matches.Count} 家企业名为“{name.Trim()}”，请填写信用代码 / {matches.Count} firms have this name: give the credit code"),
        };
    }
}
