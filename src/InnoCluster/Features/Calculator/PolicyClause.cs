using InnoCluster.Infrastructure.Data;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// A policy clause (条款): the support one provision of a policy gives and who may have it. The current
/// terms are columns (for listing and search); every change also appends a <see cref="ClauseRevision"/>,
/// so the calculator can answer for any past date.
/// </summary>
public sealed class PolicyClause
{
    public int Id { get; set; }

    public int? DocumentId { get; set; }

    /// <summary>The document's title when the clause was made (the document may be renamed by a later version).</summary>
    public string? DocumentTitle { get; set; }

    /// <summary>The sentence the clause was read from, exactly as written, and where it sits in the document's text.</summary>
    public string? SourceQuote { get; set; }

    public int? SourceStart { get; set; }

    public int? SourceLength { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Who the clause is for, in the document's words (企业, 高层次人才 …).</summary>
    public string? Beneficiary { get; set; }

    /// <summary>The first support item's method: what lists and filters show.</summary>
    public SupportMethod Method { get; set; }

    /// <summary>The support items (<see cref="SupportTerms"/>), one or more, in the document's order.</summary>
    public string SupportJson { get; set; } = "[]";

    public string ConditionsJson { get; set; } = "[]";

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? HowToApply { get; set; }

    /// <summary>免申即享: eligible firms receive the support without applying, and are told so.</summary>
    public bool NoApplication { get; set; }

    public string? ResponsibleUnit { get; set; }

    public ClauseStatus Status { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public List<ClauseRevision> Revisions { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // SQLite keeps decimals as text; the migration that moved the amounts into SupportJson wrote them so.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public IReadOnlyList<Condition> Conditions
    {
        get => JsonSerializer.Deserialize<List<Condition>>(ConditionsJson, Json) ?? [];
        set => ConditionsJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<SupportTerms> Support
    {
        get => JsonSerializer.Deserialize<List<SupportTerms>>(SupportJson, Json) ?? [];
        set => SupportJson = JsonSerializer.Serialize(value, Json);
    }

    public ClauseTerms Terms => new(
        Title,
        Beneficiary,
        Support,
        Conditions,
        ValidFrom,
        ValidTo,
        HowToApply,
        ResponsibleUnit,
        Status,
        NoApplication);

    /// <summary>
    /// Takes new terms and appends the revision that records them (the history the calculator reads for past
    /// dates); unchanged terms make no revision. Returns whether anything changed.
    /// </summary>
    public bool Revise(ClauseTerms terms, string editor, DateTimeOffset at)
    {
        if (Revision > 0 && JsonSerializer.Serialize(terms, Json) == JsonSerializer.Serialize(Terms, Json))
        {
            return false;
        }

        Apply(terms);
        Revision++;
        UpdatedAt = at;
        UpdatedBy = editor;
        Revisions.Add(new ClauseRevision { Number = Revision, RecordedAt = at, RecordedBy = editor, TermsJson = JsonSerializer.Serialize(Terms, Json) });
        return true;
    }

    private void Apply(ClauseTerms terms)
    {
        Title = terms.Title;
        Beneficiary = terms.Beneficiary;
        Method = terms.Method;
        Support = terms.Support;
        Conditions = terms.Conditions;
        ValidFrom = terms.ValidFrom;
        ValidTo = terms.ValidTo;
        HowToApply = terms.HowToApply;
        ResponsibleUnit = terms.ResponsibleUnit;
        Status = terms.Status;
        NoApplication = terms.NoApplication;
    }
}

/// <summary>The terms of a clause from <see cref="RecordedAt"/> until the next revision; never edited.</summary>
public sealed class ClauseRevision
{
    public int Id { get; set; }

    public int ClauseId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public string TermsJson { get; set; } = "";

    public ClauseTerms ReadTerms()
    {
        // Revisions recorded before clauses had several support items hold one "support" object.
        var node = JsonNode.Parse(TermsJson)!.AsObject();
        if (node["support"] is JsonObject single)
        {
            node["support"] = new JsonArray(single.DeepClone());
        }

        return node.Deserialize<ClauseTerms>(PolicyClause.Json)!;
    }
}

internal sealed class PolicyClauseConfiguration : IEntityTypeConfiguration<PolicyClause>
{
    public void Configure(EntityTypeBuilder<PolicyClause> b)
    {
        b.ToTable("policy_clauses");
        b.Ignore(c => c.Conditions);
        b.Ignore(c => c.Support);
        b.Ignore(c => c.Terms);
        b.HasIndex(c => c.DocumentId);
        b.HasIndex(c => c.Status);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.DocumentTitle).HasMaxLength(500);
        b.Property(c => c.Beneficiary).HasMaxLength(200);
        b.Property(c => c.Method).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.HowToApply).HasMaxLength(2000);
        b.Property(c => c.ResponsibleUnit).HasMaxLength(200);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.References(CrossFeatureKeys.Document, nameof(PolicyClause.DocumentId), DeleteBehavior.SetNull);
        b.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.ClauseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClauseRevisionConfiguration : IEntityTypeConfiguration<ClauseRevision>
{
    public void Configure(EntityTypeBuilder<ClauseRevision> b)
    {
        b.ToTable("policy_clause_revisions");
        b.HasIndex(r => new { r.ClauseId, r.Number }).IsUnique();
        b.Property(r => r.RecordedBy).HasMaxLength(256);
    }
}
