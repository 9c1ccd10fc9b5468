using System.Globalization;
using System.Text.RegularExpressions;

namespace InnoCluster.Features.ServiceDesk;

public enum DayKind
{
    /// <summary>放假: no work, whatever the weekday.</summary>
    Holiday = 0,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    WorkingDay = 1,

    /// <summary>An administrator's correction: the day follows the weekday rule, whatever a notice said.</summary>
    Normal = 2,
}

/// <summary>One day a notice names, with the sentence that names it.</summary>
public sealed record CalendarEntry(DateOnly Date, DayKind Kind, string Name, string Quote);

/// <summary>
/// Reads the State Council's annual holiday notice (国务院办公厅关于X年部分节假日安排的通知): each numbered
/// item names a holiday, the days off ("1月28日（农历除夕、周二）至2月4日（…、周二）放假调休，共8天") and the
/// weekend days worked instead ("1月26日（周日）、2月8日（周六）上班"). Every day read is checked against the
/// weekday the notice prints beside it and every range against its stated length, so a misread stops the
/// seed with the sentence rather than shifting a deadline.
/// </summary>
public static partial class HolidayNoticeReader
{
    public static IReadOnlyList<CalendarEntry> Read(int year, string text)
    {
        var entries = new List<CalendarEntry>();
        foreach (Match item in Item().Matches(text))
        {
            var name = item.Groups["name"].Value.Trim();
            foreach (var sentence in item.Groups["body"].Value.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var quote = sentence + "。";
                var dates = Dates(year, sentence, quote);
                if (sentence.Contains("上班", StringComparison.Ordinal))
                {
                    entries.AddRange(dates.Select(d => new CalendarEntry(d, DayKind.WorkingDay, name, quote)));
                }
                else if (sentence.Contains("放假", StringComparison.Ordinal) && dates.Count > 0)
                {
                    var last = sentence.Contains('至', StringComparison.Ordinal) && dates.Count >= 2 ? dates[1] : dates[0];
                    var days = Enumerable.Range(0, last.DayNumber - dates[0].DayNumber + 1).Select(dates[0].AddDays).ToList();
                    if (Length().Match(sentence) is { Success: true } stated && int.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture) != days.Count)
                    {
                        throw new InvalidDataException($"{year}: “{quote}” states {stated.Value} but its dates span {days.Count} days.");
                    }

                    entries.AddRange(days.Select(d => new CalendarEntry(d, DayKind.Holiday, name, quote)));
                }
            }
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{year}: no holiday item was read from the notice.");
        }

        var twice = entries.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? entries : throw new InvalidDataException($"{year}: {twice.Key:yyyy-MM-dd} is named twice: {string.Join("；", twice.Select(e => e.Quote))}");
    }

    /// <summary>The dates of a sentence in order; a day without its month takes the month before it ("10月1日至8日").</summary>
    private static List<DateOnly> Dates(int year, string sentence, string quote)
    {
        var dates = new List<DateOnly>();
        int? month = null;
        foreach (Match match in Day().Matches(sentence))
        {
            month = match.Groups["month"].Success ? int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture) : month
                ?? throw new InvalidDataException($"{year}: “{quote}”: a day without a month.");
            var date = new DateOnly(year, month.Value, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture));
            if (Weekday().Match(match.Groups["note"].Value) is { Success: true } printed && Weekdays.IndexOf(printed.Groups[1].Value, StringComparison.Ordinal) != (int)date.DayOfWeek)
            {
                throw new InvalidDataException($"{year}: “{quote}”: {date:M月d日} is a {date.DayOfWeek}, not 周{printed.Groups[1].Value}.");
            }

            dates.Add(date);
        }

        return dates;
    }

    private const string Weekdays = "日一二三四五六";

    [GeneratedRegex(@"^[一二三四五六七八九十]+、(?<name>[^：:\n]+)[：:](?<body>.+)$", RegexOptions.Multiline)]
    private static partial Regex Item();

    [GeneratedRegex(@"(?:(?<month>\d{1,2})月)?(?<day>\d{1,2})日(?:[（(](?<note>[^）)]*)[）)])?")]
    private static partial Regex Day();

    [GeneratedRegex(@"周([日一二三四五六])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"共(\d+)天")]
    private static partial Regex Length();
}
