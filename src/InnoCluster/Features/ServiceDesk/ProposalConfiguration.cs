using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.ServiceDesk;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("proposals");
        b.HasIndex(p => new { p.Kind, p.Session, p.Number }).IsUnique();
        b.HasIndex(p => p.LeadUnit);
        b.HasIndex(p => p.SeedSource);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(2);
        b.Property(p => p.Disclosure).HasConversion<string>().HasMaxLength(14);
        b.Property(p => p.ProposerSatisfaction).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Session).HasMaxLength(100);
        b.Property(p => p.Proposer).HasMaxLength(200);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Text).HasMaxLength(20000);
        b.Property(p => p.LeadUnit).HasMaxLength(100);
        b.Property(p => p.ReplyText).HasMaxLength(20000);
        b.Property(p => p.DraftedBy).HasMaxLength(320);
        b.Property(p => p.SignedOffBy).HasMaxLength(320);
        b.Property(p => p.DisclosureIndex).HasMaxLength(60);
        b.Property(p => p.Publisher).HasMaxLength(100);
        b.Property(p => p.FeedbackNote).HasMaxLength(2000);
        b.Property(p => p.SeedSource).HasMaxLength(100);
        b.References(CrossFeatureKeys.Document, nameof(Proposal.ReplyDocumentId), DeleteBehavior.SetNull);
        b.HasMany(p => p.Opinions).WithOne().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Commitments).WithOne().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalOpinionConfiguration : IEntityTypeConfiguration<ProposalOpinion>
{
    public void Configure(EntityTypeBuilder<ProposalOpinion> b)
    {
        b.ToTable("proposal_opinions");
        b.Property(o => o.Unit).HasMaxLength(100);
        b.Property(o => o.Text).HasMaxLength(5000);
        b.Property(o => o.By).HasMaxLength(320);
    }
}

internal sealed class ProposalCommitmentConfiguration : IEntityTypeConfiguration<ProposalCommitment>
{
    public void Configure(EntityTypeBuilder<ProposalCommitment> b)
    {
        b.ToTable("proposal_commitments");
        b.HasIndex(c => new { c.ProposalId, c.Number }).IsUnique();
        b.HasIndex(c => c.Unit);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Text).HasMaxLength(ProposalCommitment.MaxText);
        b.Property(c => c.Unit).HasMaxLength(100);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Quote).HasMaxLength(ProposalCommitment.MaxText);
        b.HasMany(c => c.Reports).WithOne().HasForeignKey(r => r.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentReportConfiguration : IEntityTypeConfiguration<CommitmentReport>
{
    public void Configure(EntityTypeBuilder<CommitmentReport> b)
    {
        b.ToTable("commitment_reports");
        b.HasIndex(r => new { r.CommitmentId, r.At });
        b.Property(r => r.Unit).HasMaxLength(100);
        b.Property(r => r.Text).HasMaxLength(ProposalCommitment.MaxText);
        b.Property(r => r.By).HasMaxLength(320);
    }
}
