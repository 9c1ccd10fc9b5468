using System.Globalization;
using System.Text.RegularExpressions;

namespace InnoCluster.Features.Registry.Import;

/// <summary>Dates as spreadsheets hold them: 2015-03-01, 2015/3/1, 2015.3.1, 2015年3月1日, 20150301, Excel serials.</summary>
public static partial class ImportDates
{
    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnly();

    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim();
        var match = FullDate().Match(t);
        if (!match.Success)
        {
            match = CompactDate().Match(t);
        }

        if (match.Success)
        {
            var y = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (y is < 1800 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return false;
            }

            date = new DateOnly(y, m, d);
            return true;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 10000 and < 80000 && Math.Abs(serial % 1) < 1e-9)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    public static bool TryParseYear(string text, out int year)
    {
        var match = YearOnly().Match(text.Trim());
        year = match.Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success && year is >= 1800 and <= 2200;
    }
}
