using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios;

/// <summary>A solution as its vendor writes it; <c>enterpriseId</c> counts only for officials (a vendor writes for its own enterprise).</summary>
public sealed record SolutionInput(string? Title, string? Description, List<string>? Capabilities, List<string>? Sectors, List<string>? ChainNodes, string? ReferenceCases, string? Price, int? EnterpriseId);

/// <summary>Checks a solution's fields as a whole, every problem named by field, and applies them only when all are right.</summary>
public sealed class SolutionFields(TimeProvider clock, IRegistryDirectory registry)
{
    public async Task<List<FieldError>> ApplyAsync(Solution solution, SolutionInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var title = AuthoringRules.Text(input.Title, "title", AuthoringRules.MaxTitle, errors);
        var description = AuthoringRules.Text(input.Description, "description", AuthoringRules.MaxText, errors);
        var capabilities = AuthoringRules.Capabilities(input.Capabilities, "capabilities", errors);
        var sectors = (input.Sectors ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in sectors.Where(s => !Sectors.All.Contains(s)))
        {
            errors.Add(new FieldError("sectors", $"未知领域 \"{unknown}\"，可选：{string.Join("、", Sectors.All)} (unknown sector)"));
        }

        var codes = (input.ChainNodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var known = (await registry.ChainNodesAsync(cancellationToken)).Select(n => n.Code).Where(codes.Contains);
        foreach (var unknown in codes.Except(known, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("chainNodes", $"产业链图谱中没有节点 \"{unknown}\" (no such chain node code)"));
        }

        if (input.ReferenceCases is { Length: > AuthoringRules.MaxText })
        {
            errors.Add(new FieldError("referenceCases", $"不能超过 {AuthoringRules.MaxText} 字 (at most {AuthoringRules.MaxText} characters)"));
        }

        if (input.Price is { Length: > 100 })
        {
            errors.Add(new FieldError("price", "价格区间不能超过 100 字 (at most 100 characters)"));
        }

        if (errors.Count == 0)
        {
            solution.Title = title!;
            solution.Description = description!;
            solution.Capabilities = capabilities;
            solution.Sectors = sectors;
            solution.ChainNodes = codes;
            solution.ReferenceCases = string.IsNullOrWhiteSpace(input.ReferenceCases) ? null : input.ReferenceCases.Trim();
            solution.PriceText = string.IsNullOrWhiteSpace(input.Price) ? null : input.Price.Trim();
            solution.UpdatedAt = clock.GetUtcNow();
        }

        return errors;
    }
}
