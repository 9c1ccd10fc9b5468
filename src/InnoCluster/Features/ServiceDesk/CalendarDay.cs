using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>A year's holiday notice as published, kept with its source so every day it sets can be traced.</summary>
public sealed class HolidayNotice
{
    public int Year { get; set; }

    public string Title { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public string Url { get; set; } = "";

    /// <summary>Where the text was published ("新华社北京11月4日电").</summary>
    public string Published { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>
/// A day that is not what its weekday says: a holiday, a weekend worked (调休), or an administrator's
/// correction. Read from a notice (with the sentence) or set by an administrator (with the reason); a seed
/// run replaces the notice's days of a year but never an administrator's.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public DayKind Kind { get; set; }

    /// <summary>The holiday (春节), as the notice names it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The notice's sentence that sets this day; null for an administrator's correction.</summary>
    public string? Quote { get; set; }

    public int? NoticeYear { get; set; }

    public string? EditedBy { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public string? Reason { get; set; }

    public bool IsEdited => EditedBy is not null;
}

internal sealed class HolidayNoticeConfiguration : IEntityTypeConfiguration<HolidayNotice>
{
    public void Configure(EntityTypeBuilder<HolidayNotice> b)
    {
        b.ToTable("holiday_notices");
        b.HasKey(n => n.Year);
        b.Property(n => n.Year).ValueGeneratedNever();
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Issuer).HasMaxLength(100);
        b.Property(n => n.Url).HasMaxLength(500);
        b.Property(n => n.Published).HasMaxLength(200);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days");
        b.HasKey(d => d.Date);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.Name).HasMaxLength(60);
        b.Property(d => d.Quote).HasMaxLength(500);
        b.Property(d => d.EditedBy).HasMaxLength(320);
        b.Property(d => d.Reason).HasMaxLength(500);
    }
}
