using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The office keeps the expert pool: an expert is an account with the Expert role (signing in with TOTP),
/// their affiliation, their fields as chain-node codes, and the interests they declared. Saving by the same
/// e-mail updates the expert.
/// </summary>
public sealed class SaveExpert(InnoClusterDbContext db, IAccountDirectory accounts, IRegistryDirectory registry, TimeProvider clock)
{
    public sealed record Request(string? Email, string? Name, string? Affiliation, IReadOnlyList<string>? Fields, IReadOnlyList<DeclaredInterest>? Interests, bool? Active);

    public sealed record View(int Id, string Name, string Affiliation, IReadOnlyList<string> Fields, IReadOnlyList<DeclaredInterest> Interests, bool Active);

    public async Task<Result<View>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var userId = string.IsNullOrWhiteSpace(request.Email) ? null : await accounts.AccountWithRoleAsync(request.Email, Roles.Expert, cancellationToken);
        if (userId is null)
        {
            errors.Add(new("email", "请填写具有评审专家角色的账号邮箱 / the e-mail of an account with the Expert role"));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors.Add(new("name", "请填写姓名（100字以内） / a name of at most 100 characters"));
        }

        if ((request.Affiliation ?? "").Trim().Length > 200)
        {
            errors.Add(new("affiliation", "工作单位不超过200字 / at most 200 characters"));
        }

        var nodes = (await registry.ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Code, n => n.Id, StringComparer.Ordinal);
        var unknown = (request.Fields ?? []).Where(code => !nodes.ContainsKey(code.Trim())).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new("fields", $"没有这些产业链节点：{string.Join("、", unknown)} / no such chain nodes: {string.Join(", ", unknown)}"));
        }

        var interests = (request.Interests ?? []).ToList();
        if (interests.Count > 50 || interests.Any(i => string.IsNullOrWhiteSpace(i.Organisation) || i.Organisation.Trim().Length > 200 || i.Year is < 1950 or > 2100))
        {
            errors.Add(new("interests", "每项利益关系须写明单位（200字以内），年份有效，最多50项 / each interest names an organisation (at most 200 characters) with a valid year; at most 50"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var expert = await db.Set<Expert>().SingleOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (expert is null)
        {
            expert = new Expert { UserId = userId!, CreatedAt = clock.GetUtcNow() };
            db.Add(expert);
        }

        expert.Name = request.Name!.Trim();
        expert.Affiliation = (request.Affiliation ?? "").Trim();
        expert.ChainNodeIds = [.. (request.Fields ?? []).Select(code => nodes[code.Trim()]).Distinct()];
        expert.Interests = [.. interests.Select(i => i with { Organisation = i.Organisation.Trim() })];
        expert.Active = request.Active ?? true;
        await db.SaveChangesAsync(cancellationToken);
        var codes = nodes.ToDictionary(n => n.Value, n => n.Key);
        return new View(expert.Id, expert.Name, expert.Affiliation, [.. expert.ChainNodeIds.Select(id => codes[id])], expert.Interests, expert.Active);
    }
}
