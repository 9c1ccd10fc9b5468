using InnoCluster.Features.Registry;

namespace InnoCluster.Tests.Registry;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100006485K")]
    [InlineData("91440300708461136T")]
    [InlineData(" 9144 0300 7084 6113 6t ")]
    public void TryParse_ValidCode_Accepts(string text)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(18, code.Value.Length);
    }

    [Fact]
    public void TryParse_WrongCheckCharacter_SaysWhichCharacterAndWhatItShouldBe()
    {
        Assert.False(CreditCode.TryParse("91350100M000100Y44", out _, out var error));
        Assert.Contains("第18位", error, StringComparison.Ordinal);
        Assert.Contains("“3”", error, StringComparison.Ordinal);
        Assert.Contains("“4”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ForbiddenLetter_NamesItsPosition()
    {
        Assert.False(CreditCode.TryParse("91350100M0001O0Y43", out _, out var error));
        Assert.Contains("第14位", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WrongLength_SaysSo()
    {
        Assert.False(CreditCode.TryParse("9135010", out _, out var error));
        Assert.Contains("18位", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_OrganisationCheckWrong_IsCaughtEvenWhenTheLastCharacterFits()
    {
        // Position 17 changed from 4 to 5 and position 18 recomputed: only GB 11714's check can tell.
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var body = "91350100M000100Y5";
        var sum = body.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        var code = body + alphabet[(31 - (sum % 31)) % 31];
        Assert.False(CreditCode.TryParse(code, out _, out var error));
        Assert.Contains("第17位", error, StringComparison.Ordinal);
    }
}
