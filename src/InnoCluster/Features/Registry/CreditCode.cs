using System.Diagnostics.CodeAnalysis;

namespace InnoCluster.Features.Registry;

/// <summary>
/// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from 0-9 and
/// A-Y without I, O, S, V, Z. Position 1 is the registration authority, 2 the entity type, 3-8 the
/// administrative division, 9-17 the organisation code (GB 11714, with its own check character at 17),
/// 18 the check character over the first 17.
/// </summary>
[InnoCluster.Infrastructure.FeatureContract]
public readonly record struct CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static CreditCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = Normalize(text);
        if (value.Length != 18)
        {
            error = $"统一社会信用代码应为18位，实际为{value.Length}位 / a credit code has 18 characters, this one has {value.Length}";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var index = Alphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (index < 0)
            {
                error = $"第{i + 1}位字符“{value[i]}”不是有效字符（不含I、O、S、V、Z） / character {i + 1} '{value[i]}' is not allowed";
                return false;
            }

            if (i is >= 2 and <= 7 && !char.IsAsciiDigit(value[i]))
            {
                error = $"第{i + 1}位应为行政区划代码数字，实际为“{value[i]}” / character {i + 1} must be a digit of the division code";
                return false;
            }

            if (i < 17)
            {
                sum += index * Weights[i];
            }
        }

        var expected = Alphabet[(31 - (sum % 31)) % 31];
        if (value[17] != expected)
        {
            error = $"第18位校验码应为“{expected}”，实际为“{value[17]}” / check character 18 should be '{expected}', not '{value[17]}'";
            return false;
        }

        var organisationCheck = OrganisationCheck(value.AsSpan(8, 8));
        if (organisationCheck is { } orgExpected && value[16] != orgExpected)
        {
            error = $"第17位（组织机构代码校验码）应为“{orgExpected}”，实际为“{value[16]}” / character 17, the organisation code's check, should be '{orgExpected}', not '{value[16]}'";
            return false;
        }

        code = new CreditCode(value);
        error = null;
        return true;
    }

    /// <summary>Upper case, half-width, no spaces: how codes are compared and stored.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var chars = text.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(InnoCluster.Text.TextNormalizer.FoldChar).Select(char.ToUpperInvariant);
        return new string([.. chars]);
    }

    /// <summary>GB 11714 check of the organisation code (positions 9-16 of the credit code).</summary>
    private static char? OrganisationCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            int value;
            if (char.IsAsciiDigit(c))
            {
                value = c - '0';
            }
            else if (c is >= 'A' and <= 'Z')
            {
                value = c - 'A' + 10;
            }
            else
            {
                return null;
            }

            sum += value * OrganisationWeights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
