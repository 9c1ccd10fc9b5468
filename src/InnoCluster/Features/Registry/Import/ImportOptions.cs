namespace InnoCluster.Features.Registry.Import;

public sealed class ImportOptions
{
    /// <summary>Files larger than this are refused before they are read (Registry:Import:MaxFileBytes).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxRows { get; set; } = 200_000;
}
