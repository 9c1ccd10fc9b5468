namespace InnoCluster.Features.Workspace;

/// <summary>A claim as the claimant, the firm's owner and the office read it.</summary>
public sealed record ClaimView(
    int Id, string UserId, int EnterpriseId, string EnterpriseName, string ClaimantName, string ClaimantEmail, string? Note, bool HasProof, bool ToOwner,
    ClaimStatus Status, DateTimeOffset FiledAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason, bool ByMailDomain)
{
    public static ClaimView Of(FirmClaim c) => new(
        c.Id, c.UserId, c.EnterpriseId, c.EnterpriseName, c.ClaimantName, c.ClaimantEmail, c.Note, c.ProofFileId is not null, c.ToOwner,
        c.Status, c.FiledAt, c.DecidedByName, c.DecidedAt, c.Reason, c.ByMailDomain);
}
