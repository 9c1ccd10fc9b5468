namespace InnoCluster.Infrastructure.Files;

/// <summary>
/// Cells a spreadsheet would run as formulas (CSV/formula injection, OWASP ASVS 1.2.10): text starting
/// with = + - @ tab, carriage return or NUL is prefixed with an apostrophe so it stays text.
/// </summary>
public static class SpreadsheetSafety
{
    public static string? Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' or '＝' or '＋' or '－' or '＠'
            ? "'" + value
            : value;
    }
}
