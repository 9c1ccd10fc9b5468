using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Workspace;

/// <summary>The proof sent with a claim (营业执照, a letter under the seal), stored as the claimant's upload: checked as every attachment is.</summary>
public sealed class ClaimProof(UploadStore uploads, IOptions<UploadOptions> options)
{
    /// <summary>The stored file's id; null when no file was sent; a problem naming the field when the file is refused.</summary>
    public async Task<Result<Guid?>> SaveAsync(string userId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return (Guid?)null;
        }

        await using var stream = file.OpenReadStream();
        var (saved, refusal) = await uploads.SaveAsync(userId, "firm-claim", file.FileName, stream, UploadStore.AttachmentKinds, options.Value.Limits, cancellationToken);
        return saved is null ? Problem.Invalid("proof", refusal!.Message) : saved.Id;
    }
}
