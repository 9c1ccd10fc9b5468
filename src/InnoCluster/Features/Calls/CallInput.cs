using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>A call as an official writes it. Times are Beijing time unless they carry an offset (<see cref="CallTime"/>).</summary>
public sealed record CallInput(
    string? Title, CallKind? Kind, CallProgramme? Programme, string? Level, int? Year, int? Batch, string? Summary, string? ResponsibleUnit,
    IReadOnlyList<EligibilityCondition>? Conditions, IReadOnlyList<FormField>? Fields, IReadOnlyList<RequiredAttachment>? Attachments, IReadOnlyList<Criterion>? Rubric,
    string? OpensAt, string? ClosesAt, string? ReviewBy, int? PublicityDays, int? TotalQuota, bool? NeedsDistrictRecommendation,
    IReadOnlyList<DistrictQuota>? DistrictQuotas, int? ExpertsPerApplication, decimal? DivergenceThreshold)
{
    private static readonly string[] Levels = ["国家", "省", "市"];

    /// <summary>Writes the input onto the call, or says what is wrong with each field (nothing is written then).</summary>
    public IReadOnlyList<FieldError> ApplyTo(Call call, IReadOnlySet<int> districtIds)
    {
        var errors = new List<FieldError>();
        void Require(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new(field, message));
            }
        }

        Require(!string.IsNullOrWhiteSpace(Title) && Title.Trim().Length <= 300, "title", "请填写标题（300字以内） / a title of at most 300 characters");
        Require(Kind is not null, "kind", "请选择类型 / choose the kind of call");
        Require(Programme is not null, "programme", "请选择项目类别 / choose the programme");
        Require(Level is null || Levels.Contains(Level.Trim()), "level", "级别为 国家、省 或 市 / the level is 国家, 省 or 市");
        Require(Year is null or (>= 2000 and <= 2100), "year", "年度无效 / invalid year");
        Require(Batch is null or (>= 1 and <= 20), "batch", "批次为1至20 / the batch is 1 to 20");
        Require((Summary ?? "").Length <= 10000, "summary", "说明不超过10000字 / at most 10,000 characters");
        Require((ResponsibleUnit ?? "").Length <= 200, "responsibleUnit", "责任单位不超过200字 / at most 200 characters");
        var (opens, opensError) = CallTime.Parse(OpensAt);
        var (closes, closesError) = CallTime.Parse(ClosesAt);
        var (review, reviewError) = CallTime.Parse(ReviewBy);
        Require(opensError is null, "opensAt", opensError ?? "");
        Require(closesError is null, "closesAt", closesError ?? "");
        Require(reviewError is null, "reviewBy", reviewError ?? "");
        Require(PublicityDays is null or (>= 1 and <= 60), "publicityDays", "公示期为1至60天 / the 公示 lasts 1 to 60 days");
        Require(TotalQuota is null or (>= 1 and <= 100000), "totalQuota", "总名额须为正数 / the quota is a positive number");
        Require(ExpertsPerApplication is null or (>= 1 and <= 15), "expertsPerApplication", "每件申报1至15位专家 / 1 to 15 experts per application");
        Require(DivergenceThreshold is null or (> 0 and <= 100), "divergenceThreshold", "分差阈值为0至100分 / the divergence threshold is 0 to 100 points");
        CheckKeys(errors, "fields", Fields?.Select(f => (f.Key, f.Label)));
        CheckKeys(errors, "attachments", Attachments?.Select(a => (a.Key, a.Label)));
        CheckKeys(errors, "rubric", Rubric?.Select(c => (c.Key, c.Label)));
        Require(Fields is null || Fields.All(f => f.MaxLength is >= 1 and <= 20000), "fields", "字段长度为1至20000字 / a field holds 1 to 20,000 characters");
        Require(Rubric is null || Rubric.All(c => c.Weight > 0 && c.Max > 0), "rubric", "权重和满分须为正数 / weights and scales are positive");
        foreach (var quota in DistrictQuotas ?? [])
        {
            Require(districtIds.Contains(quota.DistrictId), "districtQuotas", $"没有编号为 {quota.DistrictId} 的板块 / no 板块 {quota.DistrictId}");
            Require(quota.Quota >= 0, "districtQuotas", "名额不能为负 / a quota is not negative");
        }

        Require(DistrictQuotas is null || DistrictQuotas.Select(q => q.DistrictId).Distinct().Count() == DistrictQuotas.Count, "districtQuotas", "每个板块只设一个名额 / one quota per 板块");
        if (errors.Count > 0)
        {
            return errors;
        }

        call.Title = Title!.Trim();
        (call.Kind, call.Programme, call.Level, call.Year, call.Batch) = (Kind!.Value, Programme!.Value, Level?.Trim(), Year, Batch);
        (call.Summary, call.ResponsibleUnit) = ((Summary ?? "").Trim(), string.IsNullOrWhiteSpace(ResponsibleUnit) ? null : ResponsibleUnit.Trim());
        call.Conditions = [.. EligibilityCheck.Normalise(Conditions ?? [])];
        call.Fields = [.. (Fields ?? []).Select(f => f with { Key = f.Key.Trim(), Label = f.Label.Trim() })];
        call.Attachments = [.. (Attachments ?? []).Select(a => a with { Key = a.Key.Trim(), Label = a.Label.Trim() })];
        call.Rubric = [.. (Rubric ?? []).Select(c => c with { Key = c.Key.Trim(), Label = c.Label.Trim() })];
        (call.OpensAt, call.ClosesAt, call.ReviewBy) = (opens, closes, review);
        call.PublicityDays = PublicityDays ?? call.PublicityDays;
        call.TotalQuota = TotalQuota;
        call.NeedsDistrictRecommendation = NeedsDistrictRecommendation ?? false;
        call.DistrictQuotas = [.. DistrictQuotas ?? []];
        call.ExpertsPerApplication = ExpertsPerApplication ?? call.ExpertsPerApplication;
        call.DivergenceThreshold = DivergenceThreshold ?? call.DivergenceThreshold;
        return errors;
    }

    private static void CheckKeys(List<FieldError> errors, string field, IEnumerable<(string Key, string Label)>? items)
    {
        var list = (items ?? []).ToList();
        if (list.Any(i => string.IsNullOrWhiteSpace(i.Key) || i.Key.Trim().Length > 40 || string.IsNullOrWhiteSpace(i.Label) || i.Label.Trim().Length > 200))
        {
            errors.Add(new(field, "每项须有代码（40字以内）和名称（200字以内） / each item needs a key (at most 40) and a label (at most 200)"));
        }
        else if (list.Select(i => i.Key.Trim()).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            errors.Add(new(field, "代码不能重复 / keys must differ"));
        }
    }
}
