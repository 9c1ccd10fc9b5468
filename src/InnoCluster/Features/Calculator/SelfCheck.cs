using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// The public self-check (政策自测): anyone enters a credit code and sees the clauses in force that the firm's
/// public record makes it eligible, or possibly eligible, for. The public record is what the registry shows
/// anyone — tiers, 板块, chain nodes, filings, founding date, the credit code itself. A firm's figures (revenue,
/// R&amp;D, staff) are its own: they are not used and never shown, so a condition on them stays open and is
/// named; the firm signs in for its full answer.
/// </summary>
public sealed class SelfCheck(IRegistryDirectory registry, EnterpriseFactSheets sheets, PolicyCalculator calculator, ConditionWordings wordings, Calls.FirmCalls calls)
{
    public sealed record Item(int ClauseId, string Title, string Method, string Support, decimal? EstimatedMaximum, IReadOnlyList<string> Open);

    /// <summary>The firm's clauses: eligible on its public record, open on what only it knows, and how many it does not fit.</summary>
    public sealed record Answer(string CreditCode, int EnterpriseId, string EnterpriseName, DateOnly AsOf, IReadOnlyList<Item> Eligible, IReadOnlyList<Item> PossiblyEligible, int NotEligible, IReadOnlyList<Calls.FirmCalls.OpenCall> OpenCalls);

    public async Task<Result<Answer>> RunAsync(string? creditCode, CancellationToken cancellationToken)
    {
        if (!CreditCode.TryParse(creditCode, out var code, out var error))
        {
            return Problem.Invalid("creditCode", string.IsNullOrWhiteSpace(creditCode) ? "请输入统一社会信用代码 / enter a credit code" : error);
        }

        if (await registry.EnterpriseWithCreditCodeAsync(code, cancellationToken) is not { } id
            || await sheets.OneAsync(id, cancellationToken) is not { } sheet)
        {
            return Problem.NotFound($"登记库中没有信用代码为 {code.Value} 的企业 / no enterprise with credit code {code.Value} is registered");
        }

        var publicRecord = EnterpriseProfile.From(sheet with { Figures = [] }, calculator.Today);
        var wording = await wordings.ForReaderAsync(cancellationToken);
        var eligible = new List<Item>();
        var possibly = new List<Item>();
        var notEligible = 0;
        foreach (var (clause, _) in await calculator.ClausesOnAsync(calculator.Today, cancellationToken))
        {
            var result = clause.Evaluate(publicRecord, wording);
            var item = new Item(clause.Id, clause.Terms.Title, wording.Method(clause.Terms.Method), clause.Terms.DescribeSupport(wording.English), result.EstimatedMaximum,
                [.. result.Missing.Select(c => c.Description)]);
            switch (result.Eligibility)
            {
                case Eligibility.Eligible:
                    eligible.Add(item);
                    break;
                case Eligibility.PossiblyEligible:
                    possibly.Add(item);
                    break;
                default:
                    notEligible++;
                    break;
            }
        }

        static List<Item> Sorted(IEnumerable<Item> items) => [.. items.OrderByDescending(i => i.EstimatedMaximum ?? -1).ThenBy(i => i.Title, StringComparer.Ordinal)];
        return new Answer(code.Value, id, sheet.Name, calculator.Today, Sorted(eligible), Sorted(possibly), notEligible, await calls.OpenCallsAsync(id, publicRecordOnly: true, cancellationToken));
    }
}
