namespace InnoCluster.Features.ServiceDesk;

/// <summary>A due date, and whether it crosses a year whose holiday notice the platform does not have yet.</summary>
public readonly record struct WorkingDue(DateTimeOffset At, DateOnly Day, bool Provisional);

/// <summary>
/// Working days as the State Council's notices set them: Monday to Friday, except the holidays; plus the
/// weekend days worked instead (调休). A year without a notice counts weekdays only, and a date computed
/// through it is marked provisional. Deadlines fall at the end of their working day, Beijing time.
/// </summary>
[Infrastructure.FeatureContract]
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, DayKind> days, IReadOnlySet<int> knownYears)
{
    public bool Knows(int year) => knownYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) => days.TryGetValue(date, out var kind) && kind != DayKind.Normal
        ? kind == DayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (count 0: the start if it is one, else the next).</summary>
    public (DateOnly Day, bool Provisional) AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        var provisional = !Knows(day.Year);
        if (count == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
                provisional |= !Knows(day.Year);
            }

            return (day, provisional);
        }

        for (var left = count; left > 0;)
        {
            day = day.AddDays(1);
            provisional |= !Knows(day.Year);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return (day, provisional);
    }

    /// <summary>Due at the end of the <paramref name="count"/>-th working day after the moment <paramref name="from"/> (Beijing time).</summary>
    public WorkingDue DueAfter(DateTimeOffset from, int count)
    {
        var local = Infrastructure.BeijingTime.DayOf(from);
        var (day, provisional) = AddWorkingDays(local, count);
        return new WorkingDue(EndOf(day), day, provisional);
    }

    /// <summary>Working days from one moment to another (Beijing dates; the first day not counted, the last counted).</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (BeijingDay(from), BeijingDay(to));
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The day it is in Beijing at this instant.</summary>
    public static DateOnly BeijingDay(DateTimeOffset instant) => Infrastructure.BeijingTime.DayOf(instant);

    /// <summary>The Beijing day a deadline (<see cref="EndOf"/>: midnight at its end) closes.</summary>
    public static DateOnly DayEnding(DateTimeOffset due) => Infrastructure.BeijingTime.DayOf(due.AddTicks(-1));

    /// <summary>Midnight at the end of the day in Beijing, as an instant (in UTC, as the databases store instants).</summary>
    public static DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return Infrastructure.BeijingTime.FromLocal(midnight);
    }
}
