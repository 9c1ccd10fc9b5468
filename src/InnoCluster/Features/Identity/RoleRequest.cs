using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Identity;

public enum RoleRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A request to grant an administrator role, waiting for a second administrator: who asked, for whom,
/// which role, and who decided and when. Kept after the decision, so the history of every grant is there.
/// </summary>
public sealed class RoleRequest
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>The account that asked; null when it was the operator at the console.</summary>
    public string? RequestedById { get; set; }

    public string RequestedByName { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public RoleRequestStatus Status { get; set; }

    public string? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>Records the decision; a decided request stays as it was decided.</summary>
    public bool Decide(bool approve, string? byId, string byName, string? reason, DateTimeOffset at)
    {
        if (Status != RoleRequestStatus.Pending)
        {
            return false;
        }

        Status = approve ? RoleRequestStatus.Approved : RoleRequestStatus.Rejected;
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(500, reason.Trim().Length)];
        return true;
    }
}

internal sealed class RoleRequestConfiguration : IEntityTypeConfiguration<RoleRequest>
{
    public void Configure(EntityTypeBuilder<RoleRequest> b)
    {
        b.ToTable("role_requests");
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.Role).HasMaxLength(40);
        b.Property(r => r.RequestedById).HasMaxLength(64);
        b.Property(r => r.RequestedByName).HasMaxLength(256);
        b.Property(r => r.DecidedById).HasMaxLength(64);
        b.Property(r => r.DecidedByName).HasMaxLength(256);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
