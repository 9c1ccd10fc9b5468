using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A demand as its author writes it: budget as written ("50-100万", "面议"), attachments by the ids of their checked uploads.</summary>
public sealed record DemandInput(string? Title, string? Description, string? Sector, List<string>? Capabilities, int? DistrictId, string? Budget, DateOnly? Deadline, string? Contact, List<Guid>? Attachments = null);

/// <summary>
/// Checks a demand's fields as a whole, every problem named by field, and applies them only when all are
/// right: budgets are read into 元 or kept as text when negotiable; only the author's own uploads attach.
/// </summary>
public sealed class DemandFields(InnoClusterDbContext db, TimeProvider clock, IRegistryDirectory registry)
{
    public async Task<List<FieldError>> ApplyAsync(Demand demand, DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var attachments = (input.Attachments ?? []).Distinct().ToList();
        if (attachments.Count > 10)
        {
            errors.Add(new FieldError("attachments", "最多 10 个附件 (at most 10 files)"));
        }

        // Only files the author uploaded (checked on upload: type, size, quota) can be attached.
        var owned = await db.Set<StoredFile>().Where(f => attachments.Contains(f.Id) && (actor.IsOfficial || f.OwnerId == actor.UserId)).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var missing in attachments.Except(owned).Except(demand.Attachments))
        {
            errors.Add(new FieldError("attachments", $"附件 {missing} 不存在或不是您上传的 (no such file of yours; upload it first at /api/me/files)"));
        }

        var title = AuthoringRules.Text(input.Title, "title", AuthoringRules.MaxTitle, errors);
        var description = AuthoringRules.Text(input.Description, "description", AuthoringRules.MaxText, errors);
        if (input.Sector is not null && !Sectors.All.Contains(input.Sector))
        {
            errors.Add(new FieldError("sector", $"未知领域 \"{input.Sector}\"，可选：{string.Join("、", Sectors.All)} (unknown sector)"));
        }

        var capabilities = AuthoringRules.Capabilities(input.Capabilities, "capabilities", errors);
        if (input.DistrictId is { } districtId && !(await registry.DistrictsAsync(cancellationToken)).Any(d => d.Id == districtId))
        {
            errors.Add(new FieldError("districtId", $"没有编号为 {districtId} 的板块 (no such district)"));
        }

        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        if (input.Deadline is { } deadline && deadline < today)
        {
            errors.Add(new FieldError("deadline", $"截止日期 {deadline:yyyy-MM-dd} 已过 (the deadline is in the past; today is {today:yyyy-MM-dd})"));
        }

        var (budgetMin, budgetMax, budgetError) = Budget.Read(input.Budget);
        if (budgetError is not null)
        {
            errors.Add(new FieldError("budget", budgetError));
        }

        if (input.Contact is { Length: > 200 })
        {
            errors.Add(new FieldError("contact", "联系方式不能超过 200 字 (at most 200 characters)"));
        }

        if (errors.Count == 0)
        {
            demand.Title = title!;
            demand.Problem = description!;
            demand.Sector = input.Sector;
            demand.Capabilities = capabilities;
            demand.DistrictId = input.DistrictId;
            demand.BudgetText = string.IsNullOrWhiteSpace(input.Budget) ? null : input.Budget.Trim();
            demand.BudgetMin = budgetMin;
            demand.BudgetMax = budgetMax;
            demand.Deadline = input.Deadline;
            demand.Contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
            demand.Attachments = attachments;
            demand.UpdatedAt = clock.GetUtcNow();
        }

        return errors;
    }
}
