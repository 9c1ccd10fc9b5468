using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Registry;

/// <summary>
/// A change to the facts a firm is judged on — a year's revenue, R&amp;D spend or headcount, the founding date, the
/// district. A firm's own change is proposed and counts only once an official confirms it (eligibility follows
/// these facts); an official's change is confirmed as it is made. Every change is kept, with who asked, who
/// decided, when and why, so the history of a figure can be read back.
/// </summary>
public sealed class FactChange
{
    public const int MaxReason = RefusalReason.MaxLength;

    public int Id { get; set; }

    public int EnterpriseId { get; set; }

    public int? Year { get; set; }

    /// <summary>元.</summary>
    public decimal? Revenue { get; set; }

    /// <summary>元.</summary>
    public decimal? RdSpend { get; set; }

    public int? Employees { get; set; }

    public int? PatentsGranted { get; set; }

    public int? PatentsValid { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public int? DistrictId { get; set; }

    public string? DistrictName { get; set; }

    /// <summary>The proposer knowingly replaces figures that came from an import or a document.</summary>
    public bool Replace { get; set; }

    public RecordStatus Status { get; set; }

    public string ProposedById { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public DateTimeOffset ProposedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Reason { get; set; }

    public bool HasFigure => Revenue is not null || RdSpend is not null || Employees is not null || PatentsGranted is not null || PatentsValid is not null;

    /// <summary>Confirms a proposed change or rejects it with a reason the firm reads.</summary>
    public Problem? Decide(bool confirm, string who, DateTimeOffset at, string? reason)
    {
        if (Status != RecordStatus.Proposed)
        {
            return Problem.Conflict(Status == RecordStatus.Confirmed ? "该修改已确认 / this change is already confirmed" : "该修改已驳回 / this change is already rejected");
        }

        var why = reason?.Trim();
        if ((!confirm || !string.IsNullOrEmpty(why)) && RefusalReason.Check(why, ("驳回", "a rejection"), ("企业", "the firm"), MaxReason) is { } refused)
        {
            return refused;
        }

        Status = confirm ? RecordStatus.Confirmed : RecordStatus.Rejected;
        DecidedBy = who;
        DecidedAt = at;
        Reason = string.IsNullOrEmpty(why) ? null : why;
        return null;
    }

    /// <summary>Writes the change into the firm's record, each value with a manual provenance naming who asked and who confirmed.</summary>
    public void ApplyTo(Enterprise enterprise, DateOnly today)
    {
        var source = new Provenance
        {
            Kind = ProvenanceKind.Manual,
            Source = ProposedBy,
            SourceDate = today,
            Note = DecidedBy is { } official && official != ProposedBy ? $"企业填报，{official} 确认 / filed by the firm, confirmed by {official}" : null,
        };
        if (HasFigure && Year is { } year)
        {
            var figure = enterprise.Figures.Find(f => f.Year == year);
            if (figure is null)
            {
                figure = new YearlyFigure { Year = year };
                enterprise.Figures.Add(figure);
            }

            figure.Revenue = Revenue ?? figure.Revenue;
            figure.RdSpend = RdSpend ?? figure.RdSpend;
            figure.Employees = Employees ?? figure.Employees;
            figure.PatentsGranted = PatentsGranted ?? figure.PatentsGranted;
            figure.PatentsValid = PatentsValid ?? figure.PatentsValid;
            figure.Source = source;
        }

        if (EstablishedOn is { } on)
        {
            enterprise.EstablishedOn = on;
            enterprise.EstablishedYear = on.Year;
            enterprise.EstablishedSource = source;
        }

        if (DistrictId is { } district)
        {
            enterprise.DistrictId = district;
            enterprise.DistrictSource = source;
        }
    }

    /// <summary>What the change sets, one line per value, in the reader's language.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        var year = Year?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (Revenue is { } revenue)
        {
            lines.Add(Ui.L($"{year}年营业收入 {Ui.Yuan(revenue)}", $"{year} revenue {Ui.Yuan(revenue)}"));
        }

        if (RdSpend is { } rd)
        {
            lines.Add(Ui.L($"{year}年研发投入 {Ui.Yuan(rd)}", $"{year} R&D spend {Ui.Yuan(rd)}"));
        }

        if (Employees is { } employees)
        {
            lines.Add(Ui.L($"{year}年从业人数 {employees}", $"{year} employees {employees}"));
        }

        if (PatentsGranted is { } granted)
        {
            lines.Add(Ui.L($"{year}年授权专利 {granted}件", $"{year} patents granted {granted}"));
        }

        if (PatentsValid is { } valid)
        {
            lines.Add(Ui.L($"{year}年末有效专利 {valid}件", $"patents in force at the end of {year}: {valid}"));
        }

        if (EstablishedOn is { } on)
        {
            lines.Add(Ui.L($"成立日期 {on:yyyy-MM-dd}", $"founded {on:yyyy-MM-dd}"));
        }

        if (DistrictName is { } district)
        {
            lines.Add(Ui.L($"所属板块 {district}", $"district {district}"));
        }

        return lines;
    }
}

internal sealed class FactChangeConfiguration : IEntityTypeConfiguration<FactChange>
{
    public void Configure(EntityTypeBuilder<FactChange> b)
    {
        b.ToTable("enterprise_fact_changes");
        b.HasIndex(c => new { c.Status, c.ProposedAt });
        b.HasIndex(c => new { c.EnterpriseId, c.ProposedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<District>().WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.DistrictName).HasMaxLength(100);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ProposedById).HasMaxLength(64);
        b.Property(c => c.ProposedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.Property(c => c.Reason).HasMaxLength(FactChange.MaxReason);
    }
}
