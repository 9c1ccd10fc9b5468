using InnoCluster.Features.Identity;

namespace InnoCluster.Tests.Identity;

public class PasswordPolicyTests
{
    private static readonly SecurityOptions Mlps = new();
    private static readonly SecurityOptions Asvs = new() { PasswordRules = PasswordRules.Asvs };

    [Theory]
    [InlineData("Ab1!", "PasswordTooShort")]
    [InlineData("alllowercase", "PasswordClasses")]
    [InlineData("Password123", "PasswordCommon")]
    [InlineData("woaini1314", "PasswordClasses")]
    [InlineData("Qwerty123!", "PasswordCommon")]
    public void Check_Mlps_RefusesWeakPasswords(string password, string code) =>
        Assert.Contains(PasswordPolicy.Check(password, "someone@example.test", Mlps), e => e.Code == code);

    [Theory]
    [InlineData("Suzhou-Cluster-88")]
    [InlineData("长城Wall2026!")]
    [InlineData("a-very-long-passphrase-Of-64-characters-that-people-can-paste-in-9")]
    public void Check_Mlps_AcceptsStrongPasswords(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, "someone@example.test", Mlps));

    [Fact]
    public void Check_Asvs_HasNoCompositionRule() =>
        Assert.Empty(PasswordPolicy.Check("correcthorsebatterystaple", "someone@example.test", Asvs));

    [Fact]
    public void Check_PasswordContainingTheAccountName_IsRefused() =>
        Assert.Contains(PasswordPolicy.Check("Zhangsan-2026!x", "zhangsan@example.test", Mlps), e => e.Code == "PasswordHasEmail");

    [Fact]
    public void CommonList_HasThousandsOfEntries()
    {
        var refused = new[] { "123456", "password", "qwerty123", "iloveyou", "admin@123", "5201314", "woaini1314", "Suzhou2025" }
            .Count(p => PasswordPolicy.Check(p, null, Asvs).Any(e => e.Code == "PasswordCommon"));
        Assert.Equal(8, refused);
    }
}
