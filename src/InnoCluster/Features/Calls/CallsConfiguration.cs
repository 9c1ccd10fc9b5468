using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Calls;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.ToTable("calls");
        b.HasIndex(c => new { c.Status, c.ClosesAt });
        b.HasIndex(c => c.SeedKey).IsUnique();
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Summary).HasMaxLength(10000);
        b.Property(c => c.Level).HasMaxLength(20);
        b.Property(c => c.ResponsibleUnit).HasMaxLength(200);
        b.Property(c => c.CreatedBy).HasMaxLength(320);
        b.Property(c => c.SeedKey).HasMaxLength(100);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Programme).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Conditions).AsJson();
        b.Property(c => c.Fields).AsJson();
        b.Property(c => c.Attachments).AsJson();
        b.Property(c => c.Rubric).AsJson();
        b.Property(c => c.DistrictQuotas).AsJson();
        b.OwnsOne(c => c.Source, p => p.MapProvenance("source"));
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> b)
    {
        b.ToTable("call_applications");
        b.HasIndex(a => new { a.CallId, a.Status });
        b.HasIndex(a => new { a.CallId, a.EnterpriseId });
        b.HasIndex(a => a.EnterpriseId);
        b.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.References(CrossFeatureKeys.Enterprise, nameof(CallApplication.EnterpriseId), DeleteBehavior.Restrict);
        b.Property(a => a.EnterpriseName).HasMaxLength(200);
        b.Property(a => a.ProjectTitle).HasMaxLength(300);
        b.Property(a => a.CreatedById).HasMaxLength(64);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.ReturnReason).HasMaxLength(2000);
        b.Property(a => a.PanelReason).HasMaxLength(2000);
        b.Property(a => a.DecisionReason).HasMaxLength(2000);
        b.Property(a => a.UpwardNote).HasMaxLength(1000);
        b.Property(a => a.Partners).AsJson();
        b.Property(a => a.Answers).AsJson();
        b.OwnsOne(a => a.Candidate, candidate =>
        {
            candidate.Property(c => c.Name).HasColumnName("candidate_name").HasMaxLength(TalentCandidate.NameLength).IsRequired();
            candidate.Property(c => c.Position).HasColumnName("candidate_position").HasMaxLength(TalentCandidate.PositionLength).IsRequired();
            candidate.Property(c => c.Field).HasColumnName("candidate_field").HasMaxLength(TalentCandidate.FieldLength).IsRequired();
            candidate.Property(c => c.ChainNodeId).HasColumnName("candidate_chain_node_id");
        });
        b.Property(a => a.Files).AsJson();
        b.Property(a => a.Eligibility).AsJson();
        b.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<ApplicationStep>
{
    public void Configure(EntityTypeBuilder<ApplicationStep> b)
    {
        b.ToTable("call_application_steps");
        b.HasIndex(s => new { s.ApplicationId, s.At });
        b.Property(s => s.Action).HasMaxLength(30);
        b.Property(s => s.ActorName).HasMaxLength(320);
        b.Property(s => s.ActorId).HasMaxLength(64);
        b.HasIndex(s => s.ActorId);
        b.Property(s => s.Note).HasMaxLength(5000);
    }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("experts");
        b.HasIndex(e => e.UserId).IsUnique();
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Affiliation).HasMaxLength(200);
        b.Property(e => e.Interests).AsJson();
    }
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.ToTable("review_assignments");
        b.HasIndex(a => new { a.ApplicationId, a.ExpertId }).IsUnique();
        b.HasIndex(a => new { a.ExpertId, a.Status });
        b.HasIndex(a => a.CallId);
        b.HasOne<CallApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(a => a.RecusalReason).HasMaxLength(1000);
        b.Ignore(a => a.Latest);
        b.HasMany(a => a.Sheets).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.ToTable("review_score_sheets");
        b.HasIndex(s => new { s.AssignmentId, s.Revision }).IsUnique();
        b.Property(s => s.Scores).AsJson();
        b.Property(s => s.Comment).HasMaxLength(2000);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ToTable("call_objections");
        b.HasIndex(o => o.CallId);
        b.HasOne<Call>().WithMany().HasForeignKey(o => o.CallId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Text).HasMaxLength(5000);
        b.Property(o => o.FiledById).HasMaxLength(64);
        b.Property(o => o.Answer).HasMaxLength(5000);
        b.Property(o => o.AnsweredBy).HasMaxLength(320);
        b.Property(o => o.AnsweredById).HasMaxLength(64);
        b.HasIndex(o => o.FiledById);
    }
}
