namespace InnoCluster.Infrastructure.UseCases;

/// <summary>
/// Use cases word what they say to people "中文 / English" — both languages in one string, so a rule keeps its
/// message in one place. A reader is shown the half in the language they chose (the page's switch, or an API
/// client's Accept-Language); a string that is not written that way is shown as it is. Neither half may itself
/// contain the separator, so choosing twice (a use case's problem, then every problem details response) is harmless.
/// </summary>
public static class Bilingual
{
    private const string Separator = " / ";

    public static string ForReader(string message)
    {
        var at = message.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || !IsHan(message.AsSpan(0, at)) || at + Separator.Length >= message.Length || IsHanChar(message[at + Separator.Length]))
        {
            return message;
        }

        return Web.Localization.Pick(message[..at], message[(at + Separator.Length)..]);
    }

    private static bool IsHan(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsHanChar(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHanChar(char c) => c is >= '\u4e00' and <= '\u9fff';
}
