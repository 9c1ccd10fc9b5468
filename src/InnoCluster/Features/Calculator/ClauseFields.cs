using InnoCluster.Features.Documents;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// What an editor's <see cref="ClauseInput"/> may say and what it makes of the clause's terms: the checks
/// (all fields at once), fields left out keeping their current values, deferred amounts (一事一议) carrying
/// no number, district and chain names resolved to codes. Shared by creating and editing a clause.
/// </summary>
public sealed class ClauseFields(IRegistryDirectory registry, IDocumentLibrary documents)
{
    private static readonly string[] DeferredWords = ["一事一议", "另行研究", "另行制定", "另行确定", "按规定", "具体办法"];

    public async Task<Dictionary<string, string[]>> ValidateAsync(ClauseInput input, PolicyClause? existing, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        void Problem(string field, string message) => problems[field] = [.. problems.GetValueOrDefault(field) ?? [], message];

        var title = input.Title ?? existing?.Title;
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300)
        {
            Problem("title", "标题必填，最多300字 (title: required, at most 300 characters)");
        }

        if (input.Method is not null && !Enum.TryParse<SupportMethod>(input.Method, ignoreCase: true, out _))
        {
            Problem("method", $"未知的支持方式 \"{input.Method}\" (method: one of {string.Join(", ", Enum.GetNames<SupportMethod>())})");
        }

        if (input.Status is not null && !Enum.TryParse<ClauseStatus>(input.Status, ignoreCase: true, out _))
        {
            Problem("status", $"未知的状态 \"{input.Status}\" (status: Proposed, Confirmed or Withdrawn)");
        }

        foreach (var (name, value) in new[] { ("amount", input.Amount), ("cap", input.Cap), ("minimum", input.Minimum), ("ratePercent", input.RatePercent) })
        {
            if (value is < 0)
            {
                Problem(name, "金额不能为负 (must not be negative)");
            }
        }

        if (input.RatePercent is > 100)
        {
            Problem("ratePercent", "比例不能超过100% (at most 100)");
        }

        if (input.Cap is { } cap && ((input.Amount is { } amount && amount > cap) || (input.Minimum is { } minimum && minimum > cap)))
        {
            Problem("cap", "最高额低于金额或下限 (cap is below the amount or the minimum)");
        }

        var validFrom = input.ValidFrom ?? existing?.ValidFrom;
        var validTo = input.ValidTo ?? existing?.ValidTo;
        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            Problem("validTo", $"有效期止 {validTo:yyyy-MM-dd} 早于有效期起 {validFrom:yyyy-MM-dd} (validTo is before validFrom)");
        }

        var deferred = input.AmountText is { } text && DeferredWords.Any(w => text.Contains(w, StringComparison.Ordinal));
        if ((deferred || input.Undetermined == true) && (input.Amount is not null || input.Cap is not null || input.Minimum is not null || input.RatePercent is not null))
        {
            Problem("amount", $"金额写明“{input.AmountText ?? "另定"}”，不能同时给出数字 (a deferred amount carries no number)");
        }

        if (input.DocumentId is { } documentId && existing is null && !await documents.ExistsAsync(documentId, cancellationToken))
        {
            Problem("documentId", $"文档 {documentId} 不存在 (no such document)");
        }

        if (input.Conditions is { Count: > 50 })
        {
            Problem("conditions", "条件最多50条 (at most 50 conditions)");
        }

        return problems;
    }

    public async Task<ClauseTerms> TermsAsync(ClauseInput input, ClauseTerms? current, CancellationToken cancellationToken)
    {
        var conditions = current?.Conditions ?? [];
        if (input.Conditions is { } given)
        {
            var (districts, nodes) = await NamesAsync(cancellationToken);
            conditions = [.. given.Select(c => ConditionRules.Check(new Condition(c.Field, c.Operator, Resolve(c.Field, c.Value, districts, nodes), c.Text)))];
        }

        var amountGiven = input.Amount is not null || input.Cap is not null || input.Minimum is not null || input.RatePercent is not null || input.AmountText is not null || input.Undetermined is not null;
        var deferred = input.Undetermined == true || (input.AmountText is { } text && DeferredWords.Any(w => text.Contains(w, StringComparison.Ordinal)));
        var support = amountGiven || input.Method is not null
            ? new SupportTerms(
                input.Method is not null ? Enum.Parse<SupportMethod>(input.Method, ignoreCase: true) : current?.Support.Method ?? SupportMethod.Other,
                amountGiven ? input.Amount : current?.Support.Amount,
                amountGiven ? input.Cap : current?.Support.Cap,
                amountGiven ? input.Minimum : current?.Support.Minimum,
                amountGiven ? input.RatePercent : current?.Support.RatePercent,
                amountGiven ? Trim(input.RateBase) : current?.Support.RateBase,
                amountGiven ? Trim(input.AmountText) : current?.Support.AmountText,
                amountGiven ? deferred : current?.Support.Undetermined ?? false)
            : current?.Support ?? new SupportTerms(SupportMethod.Other);
        return new ClauseTerms(
            (input.Title ?? current?.Title ?? "").Trim(),
            input.Beneficiary is not null ? Trim(input.Beneficiary) : current?.Beneficiary,
            support,
            conditions,
            input.ValidFrom ?? current?.ValidFrom,
            input.ValidTo ?? current?.ValidTo,
            input.HowToApply is not null ? Trim(input.HowToApply) : current?.HowToApply,
            input.ResponsibleUnit is not null ? Trim(input.ResponsibleUnit) : current?.ResponsibleUnit,
            input.Status is not null ? Enum.Parse<ClauseStatus>(input.Status, ignoreCase: true) : current?.Status ?? ClauseStatus.Proposed);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Editors may name districts and chain nodes in Chinese (苏州工业园区, 智能芯片); conditions store codes.</summary>
    private static string? Resolve(string? field, string? value, IReadOnlyList<NamedValue> districts, IReadOnlyList<NamedValue> nodes)
    {
        var names = ConditionFields.Find(field)?.Key switch { "district" => districts, "chain" => nodes, _ => null };
        if (names is null || value is null)
        {
            return value;
        }

        return string.Join(",", value.Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => names.FirstOrDefault(n => n.Name == v)?.Code ?? v));
    }

    /// <summary>
    /// The district and chain-node names conditions may use. <paramref name="context"/>, the text being read:
    /// a district name two cities share counts only for the city it speaks of (see <see cref="DistrictNames"/>).
    /// </summary>
    public async Task<(IReadOnlyList<NamedValue> Districts, IReadOnlyList<NamedValue> Nodes)> NamesAsync(CancellationToken cancellationToken, string? context = null)
    {
        var districts = await registry.DistrictsAsync(cancellationToken);
        var nodes = (await registry.ChainNodesAsync(cancellationToken)).Where(n => n.Level != ChainNodeLevel.Layer);
        return (
            [.. DistrictNames.InContext(districts, context).Where(x => x.Name.Length >= 3).Select(x => new NamedValue(x.Name, x.District.Code))],
            [.. nodes.SelectMany(n => n.AllNames.Where(x => x.Length >= 3).Select(x => new NamedValue(x, n.Code)))]);
    }
}
