namespace InnoCluster.Tests.Registry;

/// <summary>Builds valid credit codes for test data (GB 32100-2015 and GB 11714 checks computed).</summary>
public static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A valid code for a Suzhou SIP company with the given 8-character organisation body.</summary>
    public static string Valid(int serial)
    {
        var org = serial.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var orgSum = org.Select((c, i) => (c - '0') * OrganisationWeights[i]).Sum();
        var orgCheck = (11 - (orgSum % 11)) switch { 10 => 'X', 11 => '0', var n => (char)('0' + n) };
        var body = "91320594" + org + orgCheck;
        var sum = body.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        return body + Alphabet[(31 - (sum % 31)) % 31];
    }
}
