namespace InnoCluster.Infrastructure.Files;

/// <summary>What one person may upload (settings Security:MaxUploadBytes and Security:UploadQuotaBytesPerUser).</summary>
public sealed class UploadOptions
{
    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public long UploadQuotaBytesPerUser { get; set; } = 200L * 1024 * 1024;

    public UploadLimits Limits => new(MaxUploadBytes, UploadQuotaBytesPerUser);
}
