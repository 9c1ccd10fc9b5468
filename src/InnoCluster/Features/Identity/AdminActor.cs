using System.Security.Claims;

namespace InnoCluster.Features.Identity;

/// <summary>
/// Who administers: a signed-in security administrator (their account id), or the operator at the
/// server's console (no id) — the console is the second person of the two-person rule.
/// </summary>
public sealed record AdminActor(string? Id, string Name)
{
    public static AdminActor Console { get; } = new(null, "system:cli");

    public static AdminActor Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user");

    public bool IsConsole => Id is null;
}
