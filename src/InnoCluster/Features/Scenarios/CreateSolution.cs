using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A vendor publishes a solution for its own enterprise (an official for any enterprise of the registry).</summary>
public sealed class CreateSolution(InnoClusterDbContext db, TimeProvider clock, SolutionIndex solutionIndex, IRegistryDirectory registry, SolutionFields fields)
{
    public async Task<Result<Authored>> RunAsync(SolutionInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var enterpriseId = actor.IsOfficial ? input.EnterpriseId ?? actor.EnterpriseId : actor.EnterpriseId;
        if (enterpriseId is null)
        {
            errors.Add(new FieldError("enterpriseId", "请指明提供方案的企业 (which enterprise offers the solution)"));
        }
        else if (!actor.IsOfficial && input.EnterpriseId is { } other && other != actor.EnterpriseId)
        {
            errors.Add(new FieldError("enterpriseId", "企业账号只能为本企业发布方案 (an enterprise account publishes for its own enterprise only)"));
        }
        else if (!await registry.EnterpriseExistsAsync(enterpriseId!.Value, cancellationToken))
        {
            errors.Add(new FieldError("enterpriseId", $"登记库中没有编号为 {enterpriseId} 的企业 (no such enterprise)"));
        }

        var solution = new Solution { EnterpriseId = enterpriseId ?? 0, CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow() };
        errors.AddRange(await fields.ApplyAsync(solution, input, cancellationToken));
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(solution);
        await db.SaveChangesAsync(cancellationToken);
        await solutionIndex.IndexAsync(db, [solution], cancellationToken, areNew: true);
        await transaction.CommitAsync(cancellationToken);
        return new Authored(solution.Id, null);
    }
}
