using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Workspace;

public enum ClaimStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A person asks to act for a firm (认领企业), naming it by its credit code and giving proof (营业执照, or a letter
/// under the company seal). The office decides; when the firm already has members, its owner may decide too.
/// A claim is kept as decided, with who decided, when and why.
/// </summary>
public sealed class FirmClaim
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string ClaimantName { get; set; } = "";

    public string ClaimantEmail { get; set; } = "";

    public int EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    /// <summary>The uploaded proof; null only when the person's address is at the firm's own mail domain.</summary>
    public Guid? ProofFileId { get; set; }

    /// <summary>What the person says about themselves (post, department).</summary>
    public string? Note { get; set; }

    /// <summary>The firm had members when the claim was filed: its owner is asked as well as the office.</summary>
    public bool ToOwner { get; set; }

    public ClaimStatus Status { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public string? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>Approved because the person's address is at the firm's mail domain, not by a person.</summary>
    public bool ByMailDomain { get; set; }

    public const int MaxReason = RefusalReason.MaxLength;

    /// <summary>Approves or rejects a waiting claim; a rejection says why.</summary>
    public Problem? Decide(bool approve, string? byId, string byName, string? reason, DateTimeOffset at)
    {
        if (Status != ClaimStatus.Pending)
        {
            return Problem.Conflict($"该认领申请已{Words(Status)}，不能再次处理 / this claim is already {Status.ToString().ToLowerInvariant()}");
        }

        var why = reason?.Trim();
        if ((!approve || !string.IsNullOrEmpty(why)) && RefusalReason.Check(why, ("驳回", "a rejection"), ("申请人", "the person"), MaxReason) is { } refused)
        {
            return refused;
        }

        Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
        Reason = string.IsNullOrEmpty(why) ? null : why;
        return null;
    }

    /// <summary>The person takes back a claim that is still waiting.</summary>
    public Problem? Withdraw(DateTimeOffset at)
    {
        if (Status != ClaimStatus.Pending)
        {
            return Problem.Conflict($"该认领申请已{Words(Status)} / this claim is already {Status.ToString().ToLowerInvariant()}");
        }

        Status = ClaimStatus.Withdrawn;
        DecidedById = UserId;
        DecidedByName = ClaimantName;
        DecidedAt = at;
        return null;
    }

    public static string Words(ClaimStatus status) => status switch
    {
        ClaimStatus.Pending => "待审核",
        ClaimStatus.Approved => "通过",
        ClaimStatus.Rejected => "驳回",
        _ => "撤回",
    };
}

internal sealed class FirmClaimConfiguration : IEntityTypeConfiguration<FirmClaim>
{
    public void Configure(EntityTypeBuilder<FirmClaim> b)
    {
        b.ToTable("firm_claims");
        b.HasIndex(c => new { c.Status, c.FiledAt });
        b.HasIndex(c => new { c.EnterpriseId, c.Status });
        b.HasIndex(c => c.UserId);
        b.Property(c => c.UserId).HasMaxLength(64);
        b.Property(c => c.ClaimantName).HasMaxLength(256);
        b.Property(c => c.ClaimantEmail).HasMaxLength(256);
        b.Property(c => c.EnterpriseName).HasMaxLength(300);
        b.Property(c => c.Note).HasMaxLength(500);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.DecidedById).HasMaxLength(64);
        b.Property(c => c.DecidedByName).HasMaxLength(256);
        b.Property(c => c.Reason).HasMaxLength(FirmClaim.MaxReason);
    }
}
