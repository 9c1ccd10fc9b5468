using System.Security.Claims;

namespace InnoCluster.Infrastructure.Auditing;

/// <summary>Who is acting and from where: the signed-in user of the request, or the operator of a CLI verb.</summary>
public interface IAuditActor
{
    string? Id { get; }

    string Name { get; }

    string? Address { get; }
}

public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string? Id => User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? CliActor.Current?.Id;

    public string Name => User?.Identity?.IsAuthenticated == true
        ? User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name ?? "user"
        : CliActor.Current?.Name ?? (accessor.HttpContext is null ? "system" : "anonymous");

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? CliActor.Current?.Address;
}

/// <summary>The operator running a CLI verb (set by CliRunner) or the seed loader.</summary>
public sealed record CliActor(string? Id, string Name, string? Address)
{
    private static readonly AsyncLocal<CliActor?> Ambient = new();

    public static CliActor? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
