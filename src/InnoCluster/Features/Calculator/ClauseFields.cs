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

        if (input.Status is not null && !Enum.TryParse<ClauseStatus>(input.Status, ignoreCase: true, out _))
        {
            Problem("status", $"未知的状态 \"{input.Status}\" (status: Proposed, Confirmed or Withdrawn)");
        }

        if (input.Items is not null && input.HasShorthandSupport)
        {
            Problem("items", "请用 items 或单项的金额字段之一，不能同时给出 (send either items or the single-item fields, not both)");
        }
        else if (input.Items is { } items)
        {
            if (items.Count > 20)
            {
                Problem("items", "支持项最多20项 (at most 20 support items)");
            }

            for (var i = 0; i < items.Count; i++)
            {
                ValidateItem(items[i], $"items[{i}].", Problem);
            }
        }
        else if (input.HasShorthandSupport)
        {
            if (existing is not null && existing.Support.Count > 1)
            {
                Problem("items", $"该条款有{existing.Support.Count}项支持，请用 items 逐项修改 (this clause has several support items; edit them with items)");
            }

            ValidateItem(input.Shorthand, "", Problem);
        }

        var validFrom = input.ValidFrom ?? existing?.ValidFrom;
        var validTo = input.ValidTo ?? existing?.ValidTo;
        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            Problem("validTo", $"有效期止 {validTo:yyyy-MM-dd} 早于有效期起 {validFrom:yyyy-MM-dd} (validTo is before validFrom)");
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

    private static void ValidateItem(SupportItemInput item, string prefix, Action<string, string> problem)
    {
        if (item.Method is not null && !Enum.TryParse<SupportMethod>(item.Method, ignoreCase: true, out _))
        {
            problem(prefix + "method", $"未知的支持方式 \"{item.Method}\" (method: one of {string.Join(", ", Enum.GetNames<SupportMethod>())})");
        }

        foreach (var (name, value) in new[] { ("amount", item.Amount), ("cap", item.Cap), ("minimum", item.Minimum), ("ratePercent", item.RatePercent) })
        {
            if (value is < 0)
            {
                problem(prefix + name, "金额不能为负 (must not be negative)");
            }
        }

        if (item.RatePercent is > 100)
        {
            problem(prefix + "ratePercent", "比例不能超过100% (at most 100)");
        }

        if (item.Cap is { } cap && ((item.Amount is { } amount && amount > cap) || (item.Minimum is { } minimum && minimum > cap)))
        {
            problem(prefix + "cap", "最高额低于金额或下限 (cap is below the amount or the minimum)");
        }

        if (IsDeferred(item) && (item.Amount is not null || item.Cap is not null || item.Minimum is not null || item.RatePercent is not null))
        {
            problem(prefix + "amount", $"金额写明“{item.AmountText ?? "另定"}”，不能同时给出数字 (a deferred amount carries no number)");
        }

        foreach (var (name, value, max) in new[] { ("rateBase", item.RateBase, 50), ("amountText", item.AmountText, 300), ("label", item.Label, 50), ("beneficiary", item.Beneficiary, 200) })
        {
            if (value?.Trim().Length > max)
            {
                problem(prefix + name, $"最多{max}字 (at most {max} characters)");
            }
        }
    }

    private static bool IsDeferred(SupportItemInput item) =>
        item.Undetermined == true || (item.AmountText is { } text && DeferredWords.Any(w => text.Contains(w, StringComparison.Ordinal)));

    private static SupportTerms Item(SupportItemInput item) => new(
        item.Method is not null ? Enum.Parse<SupportMethod>(item.Method, ignoreCase: true) : SupportMethod.Other,
        item.Amount,
        item.Cap,
        item.Minimum,
        item.RatePercent,
        Trim(item.RateBase),
        Trim(item.AmountText),
        IsDeferred(item),
        Trim(item.Label),
        Trim(item.Beneficiary));

    /// <summary>
    /// The support items an input makes: items replace them all (blank rows dropped); the single-item
    /// shorthand edits the one item, a field left out keeping its value (method and amounts separately).
    /// </summary>
    private static IReadOnlyList<SupportTerms> SupportOf(ClauseInput input, IReadOnlyList<SupportTerms>? current)
    {
        if (input.Items is { } items)
        {
            return [.. items.Where(i => !i.IsBlank).Select(Item)];
        }

        if (!input.HasShorthandSupport)
        {
            return current ?? [];
        }

        var one = current is { Count: 1 } ? current[0] : null;
        var given = Item(input.Shorthand);
        var amountGiven = input.Amount is not null || input.Cap is not null || input.Minimum is not null || input.RatePercent is not null || input.AmountText is not null || input.Undetermined is not null;
        var method = input.Method is not null ? given.Method : one?.Method ?? SupportMethod.Other;
        var amounts = amountGiven ? given : one ?? given;
        return [amounts with { Method = method, Label = one?.Label, Beneficiary = one?.Beneficiary }];
    }

    public async Task<ClauseTerms> TermsAsync(ClauseInput input, ClauseTerms? current, CancellationToken cancellationToken)
    {
        var conditions = current?.Conditions ?? [];
        if (input.Conditions is { } given)
        {
            var (districts, nodes) = await NamesAsync(cancellationToken);
            conditions = [.. given.Select(c => ConditionRules.Check(new Condition(c.Field, c.Operator, Resolve(c.Field, c.Value, districts, nodes), c.Text)))];
        }

        return new ClauseTerms(
            (input.Title ?? current?.Title ?? "").Trim(),
            input.Beneficiary is not null ? Trim(input.Beneficiary) : current?.Beneficiary,
            SupportOf(input, current?.Support),
            conditions,
            input.ValidFrom ?? current?.ValidFrom,
            input.ValidTo ?? current?.ValidTo,
            input.HowToApply is not null ? Trim(input.HowToApply) : current?.HowToApply,
            input.ResponsibleUnit is not null ? Trim(input.ResponsibleUnit) : current?.ResponsibleUnit,
            input.Status is not null ? Enum.Parse<ClauseStatus>(input.Status, ignoreCase: true) : current?.Status ?? ClauseStatus.Proposed,
            input.NoApplication ?? current?.NoApplication ?? false);
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
