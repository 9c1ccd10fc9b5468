using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A security administrator creates an account: it gets its ordinary roles at once; an administrator
/// role it was given waits, as a request, for a second administrator (the console grants it directly).
/// </summary>
public sealed class CreateAccount(Accounts accounts, ChangeRoles roles)
{
    public sealed record Created(string Id, string SetPasswordLink, IReadOnlyList<RoleRequestView> Pending);

    public async Task<Result<Created>> RunAsync(AdminActor actor, Accounts.NewAccount request, CancellationToken cancellationToken)
    {
        var requested = (request.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (RoleRules.WhyNotHeldTogether(requested) is { } together)
        {
            return Problem.Invalid("roles", together);
        }

        var waiting = actor.IsConsole ? [] : requested.Where(RoleRules.IsAdministrative).ToList();
        var made = await accounts.CreateAsync(request with { Roles = requested.Except(waiting, StringComparer.Ordinal).ToList() }, cancellationToken);
        if (made.Value is not { } created)
        {
            return made.Problem!;
        }

        var pending = new List<RoleRequestView>();
        foreach (var role in waiting)
        {
            pending.Add(RoleRequestView.Of(await roles.RequestAsync(actor, created.User.Id, role, cancellationToken)));
        }

        return new Created(created.User.Id, created.SetPasswordLink, pending);
    }
}
