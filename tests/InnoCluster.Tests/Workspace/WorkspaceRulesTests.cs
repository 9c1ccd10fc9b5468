using InnoCluster.Features.Registry;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Tests.Workspace;

/// <summary>The workspace's rules without a host: deciding a claim, when a digest is due, and which addresses a firm's domain admits.</summary>
public sealed class WorkspaceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AClaim_IsDecidedOnce_AndARejectionSaysWhy()
    {
        var claim = new FirmClaim { Status = ClaimStatus.Pending, UserId = "u1", ClaimantName = "张三" };
        Assert.Equal(ProblemKind.Invalid, claim.Decide(false, "o1", "官员", "  ", Now)!.Kind);
        Assert.Equal(ClaimStatus.Pending, claim.Status);
        Assert.Equal(ProblemKind.Invalid, claim.Decide(false, "o1", "官员", new string('长', FirmClaim.MaxReason + 1), Now)!.Kind);
        Assert.Null(claim.Decide(false, "o1", "官员", " 无此员工 ", Now));
        Assert.Equal((ClaimStatus.Rejected, "无此员工", "官员", (DateTimeOffset?)Now), (claim.Status, claim.Reason, claim.DecidedByName, claim.DecidedAt));
        Assert.Equal(ProblemKind.Conflict, claim.Decide(true, "o2", "另一官员", null, Now)!.Kind);
        Assert.Equal(ProblemKind.Conflict, claim.Withdraw(Now)!.Kind);
    }

    [Fact]
    public void AnApproval_NeedsNoReason_AndAWaitingClaimCanBeWithdrawn()
    {
        var approved = new FirmClaim { Status = ClaimStatus.Pending };
        Assert.Null(approved.Decide(true, "o1", "官员", null, Now));
        Assert.Equal((ClaimStatus.Approved, (string?)null), (approved.Status, approved.Reason));

        var withdrawn = new FirmClaim { Status = ClaimStatus.Pending, UserId = "u1", ClaimantName = "张三" };
        Assert.Null(withdrawn.Withdraw(Now));
        Assert.Equal((ClaimStatus.Withdrawn, "张三"), (withdrawn.Status, withdrawn.DecidedByName));
    }

    [Theory]
    [InlineData(DigestFrequency.Daily, "2026-12-02", null, true)]
    [InlineData(DigestFrequency.Weekly, "2026-12-07", 1.0, true)] // a Monday
    [InlineData(DigestFrequency.Weekly, "2026-12-03", 1.0, false)] // Thursday, a digest yesterday
    [InlineData(DigestFrequency.Weekly, "2026-12-03", 7.0, true)] // Thursday, a week without one (a missed Monday)
    [InlineData(DigestFrequency.Weekly, "2026-12-03", null, true)] // never had one
    [InlineData(DigestFrequency.Never, "2026-12-07", null, false)]
    public void ADigest_IsDue_DailyOrOnMondaysOrAfterAWeek(DigestFrequency frequency, string day, double? daysSinceLast, bool due)
    {
        var preference = new MailPreference { Frequency = frequency, LastDigestAt = daysSinceLast is { } d ? Now.AddDays(-d) : null };
        Assert.Equal(due, preference.DigestDueOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Now));
    }

    [Fact]
    public void ANewPreference_IsTheDailyDigest_WithItsOwnUnguessableToken()
    {
        var a = MailPreference.Default("u1", Now);
        var b = MailPreference.Default("u2", Now);
        Assert.Equal((DigestFrequency.Daily, true), (a.Frequency, a.GetsMail));
        Assert.Matches("^[0-9a-f]{40}$", a.Token);
        Assert.NotEqual(a.Token, b.Token);
    }

    [Theory]
    [InlineData("@Example.COM ", true, "example.com")]
    [InlineData("mail.example.com.", true, "mail.example.com")]
    [InlineData("", true, null)]
    [InlineData("not a domain", false, null)]
    [InlineData("example", false, null)]
    [InlineData("-bad-.com", false, null)]
    public void AFirmsDomain_IsStoredNormalised(string written, bool valid, string? stored)
    {
        Assert.Equal(valid, MailDomains.TryNormalise(written, out var domain));
        if (valid)
        {
            Assert.Equal(stored, domain);
        }
    }

    [Theory]
    [InlineData("zhang@example.com", "example.com", true)]
    [InlineData("Zhang@EXAMPLE.com", "example.com", true)]
    [InlineData("zhang@mail.example.com", "example.com", false)] // a subdomain anyone may run is not the firm's
    [InlineData("zhang@example.com.evil.cn", "example.com", false)]
    [InlineData("zhang@example.com", null, false)]
    [InlineData("no-at-sign", "example.com", false)]
    public void OnlyAnAddressAtExactlyTheDomain_IsAdmitted(string email, string? domain, bool admitted) =>
        Assert.Equal(admitted, MailDomains.IsAt(email, domain));

    [Theory]
    [InlineData("q=%E5%A4%A7%E6%A8%A1%E5%9E%8B&district=sip", "大模型 · sip")]
    [InlineData("q=%E5%A4%A7%E6%A8%A1%E5%9E%8B&page=3&pageSize=50", "大模型")]
    [InlineData("tier=high-tech&tier=gazelle", "high-tech · gazelle")]
    [InlineData("q=&page=2", "documents")]
    [InlineData("", "documents")]
    public void AFollowedSearch_IsNamedByWhatItAsksFor_NotItsQueryString(string query, string label) =>
        Assert.Equal(label, SavedSearch.LabelOf("documents", query));
}
