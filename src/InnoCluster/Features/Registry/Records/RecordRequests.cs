using System.Linq.Expressions;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Registry;

/// <summary>What a person writes to add one record of a kind: checked field by field, then built into the entity.</summary>
public interface IRecordRequest<T>
    where T : EnterpriseRecord
{
    /// <summary>Where the record comes from: a published list, a notice, a certificate (required).</summary>
    string? Source { get; }

    /// <summary>The sentence or line of the source, as written.</summary>
    string? Quote { get; }

    /// <summary>A link or file and page where the source can be checked.</summary>
    string? Locator { get; }

    IEnumerable<FieldError> Check(DateOnly today);

    T Build();

    /// <summary>The firm's records this one would repeat (a rejected or ended record is not repeated).</summary>
    Expression<Func<T, bool>> Repeats(int enterpriseId);

    /// <summary>What the audit trail and the messages call it.</summary>
    string Describe();
}

/// <summary>The parts every request shares: dates and source.</summary>
public static class RecordRequestChecks
{
    public static IEnumerable<FieldError> Common(string? source, string? quote, string? locator, int? year, DateOnly? grantedOn, DateOnly? expiresOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > 300)
        {
            yield return new FieldError("source", "请写明来源（公示名单、通知文号、证书），不超过300字 / source: required (a published list, a notice, a certificate), at most 300 characters");
        }

        if (quote is { Length: > 4000 })
        {
            yield return new FieldError("quote", "原文摘录不超过4000字 / quote: at most 4000 characters");
        }

        if (locator is { Length: > 300 })
        {
            yield return new FieldError("locator", "出处链接或页码不超过300字 / locator: at most 300 characters");
        }

        if (year is null && grantedOn is null)
        {
            yield return new FieldError("year", "请填写年份或日期 / year or grantedOn: one is required");
        }

        foreach (var error in EnterpriseRecord.CheckDates(year, grantedOn, expiresOn, today))
        {
            yield return error;
        }
    }

    public static IEnumerable<FieldError> Text(string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            yield return new FieldError(field, $"请填写{label}，不超过{max}字 / {field}: required, at most {max} characters");
        }
    }

    public static IEnumerable<FieldError> Choice<TEnum>(string field, string? key, Func<TEnum, string> keyOf, bool required = true)
        where TEnum : struct, Enum
    {
        if ((required || !string.IsNullOrWhiteSpace(key)) && !RecordWords.TryParse(key, keyOf, out _))
        {
            var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(keyOf).Where(k => k.Length > 0));
            yield return new FieldError(field, $"“{key}”不是可选值（{allowed}） / {field}: one of {allowed}");
        }
    }

    public static T Parsed<T>(string? key, Func<T, string> keyOf)
        where T : struct, Enum => RecordWords.TryParse(key, keyOf, out var value) ? value : default;

    /// <summary>The record's source as entered, with the date it was entered.</summary>
    public static Provenance SourceOf<T>(IRecordRequest<T> request, DateOnly today)
        where T : EnterpriseRecord => new()
    {
        Kind = ProvenanceKind.Manual,
        Source = request.Source!.Trim(),
        Quote = string.IsNullOrWhiteSpace(request.Quote) ? null : request.Quote.Trim(),
        Locator = string.IsNullOrWhiteSpace(request.Locator) ? null : request.Locator.Trim(),
        SourceDate = today,
    };
}

/// <summary>A designation: tier, level, year or date, expiry; for a listing the code and board.</summary>
public sealed record DesignationRequest(string? Tier, string? Level, int? Year, DateOnly? GrantedOn, DateOnly? ExpiresOn, string? SecurityCode, string? Board, string? Source, string? Quote, string? Locator)
    : IRecordRequest<EnterpriseTier>
{
    private Tier ParsedTier => RecordRequestChecks.Parsed<Tier>(Tier, TierNames.Key);

    private TierLevel ParsedLevel => RecordRequestChecks.Parsed<TierLevel>(Level, RecordWords.Key);

    public IEnumerable<FieldError> Check(DateOnly today) =>
        RecordRequestChecks.Choice<Tier>("tier", Tier, TierNames.Key)
            .Concat(RecordRequestChecks.Choice<TierLevel>("level", Level, RecordWords.Key, required: false))
            .Concat(SecurityCode is { Length: > 20 } ? [new FieldError("securityCode", "证券代码不超过20字 / securityCode: at most 20 characters")] : [])
            .Concat(Board is { Length: > 30 } ? [new FieldError("board", "上市板块不超过30字 / board: at most 30 characters")] : [])
            .Concat(RecordRequestChecks.Common(Source, Quote, Locator, Year, GrantedOn, ExpiresOn, today));

    public EnterpriseTier Build() => new()
    {
        Tier = ParsedTier, Level = ParsedLevel, Year = Year ?? GrantedOn?.Year, GrantedOn = GrantedOn, ExpiresOn = ExpiresOn,
        SecurityCode = Trimmed(SecurityCode), Board = Trimmed(Board),
    };

    public Expression<Func<EnterpriseTier, bool>> Repeats(int enterpriseId)
    {
        var (tier, level, year) = (ParsedTier, ParsedLevel, Year ?? GrantedOn?.Year);
        return t => t.EnterpriseId == enterpriseId && t.Tier == tier && t.Level == level && t.Year == year && t.Status != RecordStatus.Rejected && t.EndedOn == null;
    }

    public string Describe() => $"{TierNames.Chinese(ParsedTier)} {TierNames.Chinese(ParsedLevel)} {Year ?? GrantedOn?.Year}".TrimEnd();

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A product certification: kind, product, level, year or date, expiry.</summary>
public sealed record CertificationRequest(string? Kind, string? ProductName, string? Level, int? Year, DateOnly? GrantedOn, DateOnly? ExpiresOn, string? Source, string? Quote, string? Locator)
    : IRecordRequest<ProductCertification>
{
    private CertificationKind ParsedKind => RecordRequestChecks.Parsed<CertificationKind>(Kind, RecordWords.Key);

    private TierLevel ParsedLevel => RecordRequestChecks.Parsed<TierLevel>(Level, RecordWords.Key);

    public IEnumerable<FieldError> Check(DateOnly today) =>
        RecordRequestChecks.Choice<CertificationKind>("kind", Kind, RecordWords.Key)
            .Concat(RecordRequestChecks.Text("productName", ProductName, 200, "产品名称"))
            .Concat(RecordRequestChecks.Choice<TierLevel>("level", Level, RecordWords.Key))
            .Concat(RecordRequestChecks.Common(Source, Quote, Locator, Year, GrantedOn, ExpiresOn, today));

    public ProductCertification Build() => new()
    {
        Kind = ParsedKind, ProductName = ProductName!.Trim(), Level = ParsedLevel, Year = Year ?? GrantedOn?.Year, GrantedOn = GrantedOn, ExpiresOn = ExpiresOn,
    };

    public Expression<Func<ProductCertification, bool>> Repeats(int enterpriseId)
    {
        var (kind, product, level) = (ParsedKind, ProductName?.Trim() ?? "", ParsedLevel);
        return c => c.EnterpriseId == enterpriseId && c.Kind == kind && c.ProductName == product && c.Level == level && c.Status != RecordStatus.Rejected && c.EndedOn == null;
    }

    public string Describe() => $"{RecordWords.Name(ParsedKind, false)} {TierNames.Chinese(ParsedLevel)} {ProductName}";
}

/// <summary>A standard the firm led or joined.</summary>
public sealed record StandardRequest(string? Number, string? Title, string? Level, string? Role, int? Year, DateOnly? GrantedOn, string? Source, string? Quote, string? Locator)
    : IRecordRequest<StandardRecord>
{
    private StandardLevel ParsedLevel => RecordRequestChecks.Parsed<StandardLevel>(Level, RecordWords.Key);

    private StandardRole ParsedRole => RecordRequestChecks.Parsed<StandardRole>(Role, RecordWords.Key);

    public IEnumerable<FieldError> Check(DateOnly today) =>
        RecordRequestChecks.Text("number", Number, 60, "标准编号")
            .Concat(RecordRequestChecks.Text("title", Title, 300, "标准名称"))
            .Concat(RecordRequestChecks.Choice<StandardLevel>("level", Level, RecordWords.Key))
            .Concat(RecordRequestChecks.Choice<StandardRole>("role", Role, RecordWords.Key))
            .Concat(RecordRequestChecks.Common(Source, Quote, Locator, Year, GrantedOn, null, today));

    public StandardRecord Build() => new()
    {
        Number = NumberKey, Title = Title!.Trim(), Level = ParsedLevel, Role = ParsedRole, Year = Year ?? GrantedOn?.Year, GrantedOn = GrantedOn,
    };

    public Expression<Func<StandardRecord, bool>> Repeats(int enterpriseId)
    {
        var number = NumberKey;
        return s => s.EnterpriseId == enterpriseId && s.Number == number && s.Status != RecordStatus.Rejected && s.EndedOn == null;
    }

    public string Describe() => $"{NumberKey} {Title}";

    /// <summary>The number as published, with its spaces made single ("GB/T  42755-2023" and "GB/T 42755-2023" are one standard).</summary>
    private string NumberKey => string.Join(' ', (Number ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>A financing event: round, amount in 万元 where stated, investors, the day or year.</summary>
public sealed record FinancingRequest(string? Round, decimal? Amount, string? Investors, int? Year, DateOnly? GrantedOn, string? Source, string? Quote, string? Locator)
    : IRecordRequest<FinancingRecord>
{
    private FinancingRound ParsedRound => RecordRequestChecks.Parsed<FinancingRound>(Round, RecordWords.Key);

    public IEnumerable<FieldError> Check(DateOnly today) =>
        RecordRequestChecks.Choice<FinancingRound>("round", Round, RecordWords.Key)
            .Concat(Amount is { } amount && (amount <= 0 || amount >= 100_000_000) ? [new FieldError("amount", "金额以万元计，应大于0、小于100000000 / amount: in units of 10,000 yuan, more than 0 and less than 100000000")] : [])
            .Concat(Investors is { Length: > 500 } ? [new FieldError("investors", "投资方不超过500字 / investors: at most 500 characters")] : [])
            .Concat(RecordRequestChecks.Common(Source, Quote, Locator, Year, GrantedOn, null, today));

    public FinancingRecord Build() => new()
    {
        Round = ParsedRound, Amount = Amount, Investors = DesignationRequest.Trimmed(Investors), Year = Year ?? GrantedOn?.Year, GrantedOn = GrantedOn,
    };

    public Expression<Func<FinancingRecord, bool>> Repeats(int enterpriseId)
    {
        var (round, year, amount) = (ParsedRound, Year ?? GrantedOn?.Year, Amount);
        return f => f.EnterpriseId == enterpriseId && f.Round == round && f.Year == year && f.Amount == amount && f.Status != RecordStatus.Rejected && f.EndedOn == null;
    }

    public string Describe() => $"{RecordWords.Name(ParsedRound, false)} {Year ?? GrantedOn?.Year} {Amount?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}".TrimEnd();
}

/// <summary>An algorithm or large-model filing.</summary>
public sealed record FilingRequest(string? Kind, string? Name, string? Number, int? Year, DateOnly? GrantedOn, string? Source, string? Quote, string? Locator)
    : IRecordRequest<Filing>
{
    private FilingKind ParsedKind => RecordRequestChecks.Parsed<FilingKind>(Kind, RecordWords.Key);

    public IEnumerable<FieldError> Check(DateOnly today) =>
        RecordRequestChecks.Choice<FilingKind>("kind", Kind, RecordWords.Key)
            .Concat(RecordRequestChecks.Text("name", Name, 200, "算法或模型名称"))
            .Concat(Number is { Length: > 100 } ? [new FieldError("number", "备案号不超过100字 / number: at most 100 characters")] : [])
            .Concat(RecordRequestChecks.Common(Source, Quote, Locator, Year, GrantedOn, null, today));

    public Filing Build() => new()
    {
        Kind = ParsedKind, Name = Name!.Trim(), Number = DesignationRequest.Trimmed(Number), Year = Year ?? GrantedOn?.Year, GrantedOn = GrantedOn,
    };

    public Expression<Func<Filing, bool>> Repeats(int enterpriseId)
    {
        var (kind, name, number) = (ParsedKind, Name?.Trim() ?? "", DesignationRequest.Trimmed(Number));
        return f => f.EnterpriseId == enterpriseId && f.Kind == kind && (number != null ? f.Number == number : f.Name == name) && f.Status != RecordStatus.Rejected && f.EndedOn == null;
    }

    public string Describe() => $"{RecordWords.Name(ParsedKind, false)} {Name} {Number}".TrimEnd();
}
