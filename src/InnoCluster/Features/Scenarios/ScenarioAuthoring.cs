using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Scenarios;

/// <summary>Who is acting: the account id and name, whether they are an official, and the enterprise an enterprise account acts for.</summary>
public sealed record ScenarioActor(string UserId, string Name, bool IsOfficial, int? EnterpriseId)
{
    /// <summary>The person acting, named by their display name: records that others read never carry a sign-in e-mail.</summary>
    public static ScenarioActor Of(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.UserId() ?? "", user.DisplayNameOf(), user.IsInRole(Roles.Official), user.EnterpriseOf());
}


/// <summary>
/// Scenario owners write demands and vendors write solutions. Every field is checked and every problem
/// named by field; budgets are read into 元 or kept as text when negotiable; a demand whose words are
/// nearly those of an earlier one is stored and flagged for an official, never merged.
/// </summary>
public sealed class ScenarioAuthoring(InnoClusterDbContext db, TimeProvider clock, ISearchDialect search, DemandIndex demandIndex, SolutionIndex solutionIndex, IRegistryDirectory registry)
{
    public const int MaxTitle = 200;
    public const int MaxText = 10_000;

    /// <summary>Key-term overlap (Jaccard) at or above which a new demand is flagged as a possible duplicate.</summary>
    public const double DuplicateSimilarity = 0.8;

    public sealed record DemandInput(string? Title, string? Description, string? Sector, List<string>? Capabilities, int? DistrictId, string? Budget, DateOnly? Deadline, string? Contact, List<Guid>? Attachments = null);

    public sealed record SolutionInput(string? Title, string? Description, List<string>? Capabilities, List<string>? Sectors, List<string>? ChainNodes, string? ReferenceCases, string? Price, int? EnterpriseId);

    public sealed record Saved(int Id, int? PossibleDuplicateOf);

    public async Task<Result<Saved>> CreateDemandAsync(DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = new Demand { OwnerUserId = actor.UserId, Status = DemandStatus.Draft, CreatedAt = clock.GetUtcNow() };
        var errors = await ApplyAsync(demand, input, actor, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        // Shown on the public page: where the demand came from, not who typed it (the owner is on record for officials).
        demand.Source = new Provenance { Kind = ProvenanceKind.Manual, Source = "平台用户提交 / entered on the platform", SourceDate = DateOnly.FromDateTime(demand.CreatedAt.UtcDateTime) };
        demand.PossibleDuplicateOfId = await SimilarDemandAsync(demand, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(demand);
        await db.SaveChangesAsync(cancellationToken);
        await demandIndex.IndexAsync(db, [demand], cancellationToken, areNew: true);
        await transaction.CommitAsync(cancellationToken);
        return new Saved(demand.Id, await VisibleToAsync(demand.PossibleDuplicateOfId, actor, cancellationToken));
    }

    /// <summary>The earlier demand's id when the author may see it (published, their own, or an official): another owner's draft stays unnamed.</summary>
    private async Task<int?> VisibleToAsync(int? demandId, ScenarioActor actor, CancellationToken cancellationToken) =>
        demandId is { } id && await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } earlier && earlier.IsVisibleTo(actor)
            ? demandId
            : null;

    public async Task<Result> UpdateDemandAsync(int id, DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return Problem.NotFound();
        }

        if (!actor.IsOfficial && demand.OwnerUserId != actor.UserId)
        {
            return Problem.Forbidden("只有需求的发布者或集群办可以修改 (only the demand's author or an official edits it)");
        }

        if (demand.Status == DemandStatus.Closed)
        {
            return Problem.Invalid("status", "需求已关闭，不能修改 (a closed demand cannot be edited)");
        }

        var errors = await ApplyAsync(demand, input, actor, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await demandIndex.IndexAsync(db, [demand], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    private async Task<List<FieldError>> ApplyAsync(Demand demand, DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var attachments = (input.Attachments ?? []).Distinct().ToList();
        if (attachments.Count > 10)
        {
            errors.Add(new FieldError("attachments", "最多 10 个附件 (at most 10 files)"));
        }

        // Only files the author uploaded (checked on upload: type, size, quota) can be attached.
        var owned = await db.Set<InnoCluster.Infrastructure.Files.StoredFile>().Where(f => attachments.Contains(f.Id) && (actor.IsOfficial || f.OwnerId == actor.UserId)).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var missing in attachments.Except(owned).Except(demand.Attachments))
        {
            errors.Add(new FieldError("attachments", $"附件 {missing} 不存在或不是您上传的 (no such file of yours; upload it first at /api/me/files)"));
        }

        var title = Text(input.Title, "title", MaxTitle, errors);
        var description = Text(input.Description, "description", MaxText, errors);
        if (input.Sector is not null && !Sectors.All.Contains(input.Sector))
        {
            errors.Add(new FieldError("sector", $"未知领域 \"{input.Sector}\"，可选：{string.Join("、", Sectors.All)} (unknown sector)"));
        }

        var capabilities = Capabilities(input.Capabilities, "capabilities", errors);
        if (input.DistrictId is { } districtId && !(await registry.DistrictsAsync(cancellationToken)).Any(d => d.Id == districtId))
        {
            errors.Add(new FieldError("districtId", $"没有编号为 {districtId} 的板块 (no such district)"));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
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

    /// <summary>The earlier demand whose key words are nearly the same as this one's, if any.</summary>
    private async Task<int?> SimilarDemandAsync(Demand demand, CancellationToken cancellationToken)
    {
        var terms = ScenarioMatcher.KeyTerms(demand.Title + "\n" + demand.Problem);
        if (terms.Count == 0)
        {
            return null;
        }

        var query = terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(24).ToList();
        var ids = await search.MatchAny(db, SearchIndex.Demands, query).OrderByDescending(m => m.Rank).Select(m => m.Id).Take(10).ToListAsync(cancellationToken);
        var earlier = await db.Set<Demand>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.Problem }).ToListAsync(cancellationToken);
        return earlier
            .Select(e => (e.Id, Similarity: Jaccard(terms, ScenarioMatcher.KeyTerms(e.Title + "\n" + e.Problem))))
            .Where(e => e.Similarity >= DuplicateSimilarity)
            .OrderByDescending(e => e.Similarity).ThenBy(e => e.Id)
            .Select(e => (int?)e.Id).FirstOrDefault();
    }

    internal static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / union;
    }

    public async Task<Result<Saved>> CreateSolutionAsync(SolutionInput input, ScenarioActor actor, CancellationToken cancellationToken)
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
        errors.AddRange(await ApplyAsync(solution, input, cancellationToken));
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(solution);
        await db.SaveChangesAsync(cancellationToken);
        await solutionIndex.IndexAsync(db, [solution], cancellationToken, areNew: true);
        await transaction.CommitAsync(cancellationToken);
        return new Saved(solution.Id, null);
    }

    public async Task<Result> UpdateSolutionAsync(int id, SolutionInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var solution = await db.Set<Solution>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return Problem.NotFound();
        }

        if (!actor.IsOfficial && solution.EnterpriseId != actor.EnterpriseId)
        {
            return Problem.Forbidden("只有方案所属企业或集群办可以修改 (only the vendor or an official edits it)");
        }

        var errors = await ApplyAsync(solution, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await solutionIndex.IndexAsync(db, [solution], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    private async Task<List<FieldError>> ApplyAsync(Solution solution, SolutionInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var title = Text(input.Title, "title", MaxTitle, errors);
        var description = Text(input.Description, "description", MaxText, errors);
        var capabilities = Capabilities(input.Capabilities, "capabilities", errors);
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

        if (input.ReferenceCases is { Length: > MaxText })
        {
            errors.Add(new FieldError("referenceCases", $"不能超过 {MaxText} 字 (at most {MaxText} characters)"));
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

    private static string? Text(string? value, string field, int max, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new FieldError(field, "不能为空 (required)"));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new FieldError(field, $"不能超过 {max} 字，现有 {text.Length} 字 (at most {max} characters, got {text.Length})"));
            return null;
        }

        return text;
    }

    private static List<string> Capabilities(List<string>? values, string field, List<FieldError> errors)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > 20)
        {
            errors.Add(new FieldError(field, "最多 20 项 (at most 20)"));
        }

        foreach (var tooLong in list.Where(v => v.Length > 50))
        {
            errors.Add(new FieldError(field, $"“{tooLong[..20]}…”超过 50 字 (each at most 50 characters)"));
        }

        return list;
    }
}

/// <summary>Reads a budget as written: an amount or range in 元 ("50-100万", "30万元", "2亿"), or negotiable text ("面议").</summary>
public static class Budget
{
    private static readonly string[] Negotiable = ["面议", "议价", "待定", "协商", "另议", "商议"];

    public static (decimal? Min, decimal? Max, string? Error) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, null);
        }

        var trimmed = text.Trim();
        if (Negotiable.Any(n => trimmed.Contains(n, StringComparison.Ordinal)))
        {
            return (null, null, null);
        }

        if (trimmed.Length > 100 || !QuantityParser.TryParse(trimmed, out var quantity, money: true) || !quantity.IsMoney)
        {
            return (null, null, $"无法识别预算“{(trimmed.Length > 30 ? trimmed[..30] + "…" : trimmed)}”：请写金额或区间（如 50-100万、30万元）或“面议” (write an amount, a range such as 50-100万, or 面议)");
        }

        var max = quantity.UpperValue ?? quantity.Value;
        return quantity.Value <= 0 || max < quantity.Value
            ? (null, null, "预算须为正数，区间下限不大于上限 (the budget must be positive, the range low to high)")
            : (quantity.Value, max, null);
    }
}
