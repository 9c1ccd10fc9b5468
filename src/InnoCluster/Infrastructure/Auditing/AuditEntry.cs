using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>
/// One row of the append-only audit trail. Each row's <see cref="Hash"/> covers its fields and the
/// previous row's hash, so editing or deleting any row breaks the chain (`audit verify` finds it).
/// Database triggers refuse updates, and deletes of rows younger than the retention period.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>create, update, delete, sign-in, sign-in-failed, sign-out, access-denied, export, read-sensitive, role-granted …</summary>
    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? SubjectId { get; set; }

    /// <summary>JSON of the changed fields: {"field": [before, after]}; secrets appear only as "(changed)".</summary>
    public string? Changes { get; set; }

    public string? Address { get; set; }

    public string Result { get; set; } = "ok";

    public string? Detail { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public string Canonical() => string.Join(
        '\u001f',
        Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ActorId ?? "",
        ActorName,
        Action,
        Subject,
        SubjectId ?? "",
        Changes ?? "",
        Address ?? "",
        Result,
        Detail ?? "",
        PreviousHash);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Subject, e.SubjectId });
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Subject).HasMaxLength(100);
        b.Property(e => e.SubjectId).HasMaxLength(100);
        b.Property(e => e.Address).HasMaxLength(64);
        b.Property(e => e.Result).HasMaxLength(20);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}
