using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>Self-service, account administration and audit endpoints.</summary>
public static class IdentityApi
{
    public sealed record TokenRequest(string? Name, int? Days);

    public sealed record NewUserRequest(string Email, string? DisplayName, List<string> Roles, int? EnterpriseId, string? Department, string? Organisation, string? Phone);

    public sealed record RolesRequest(List<string> Roles, int? EnterpriseId);


    public static void MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Account").RequireAuthorization(Policies.SignedIn);
        me.MapGet("", MeAsync);
        me.MapGet("/tokens", ListTokensAsync);

        me.MapDelete("/tokens/{id:int}", RevokeTokenAsync);
        me.MapGet("/personal-data", ExportMineAsync);
        me.MapPost("/personal-data/erase", EraseMineAsync);
        me.MapPost("/sign-out-everywhere", SignOutEverywhereAsync);
        me.MapGet("/files", ListFilesAsync);
        // Minting tokens and uploading need a role: a self-registered account has none until the office grants one.
        app.MapPost("/api/me/tokens", CreateTokenAsync).WithTags("Account").RequireAuthorization(Policies.Member);
        app.MapPost("/api/me/files", UploadAsync).WithTags("Account").DisableAntiforgery().RequireAuthorization(Policies.Member).WithMetadata(new BodyLimitAttribute(BodyKind.Attachments));
        app.MapGet("/api/files/{id:guid}", DownloadAsync).WithTags("Account").RequireAuthorization(Policies.SignedIn);

        var enterprise = app.MapGroup("/api/enterprise-users").WithTags("Account").RequireAuthorization(Policies.EnterpriseAccount);
        enterprise.MapGet("", ListEnterpriseUsersAsync);
        enterprise.MapGet("/{id}/personal-data", ExportEnterpriseUserAsync);
        enterprise.MapPost("/{id}/erase", EraseEnterpriseUserAsync);

        var users = app.MapGroup("/api/users").WithTags("Administration").RequireAuthorization(Policies.SecurityAdmin);
        users.MapGet("", async Task<Ok<IReadOnlyList<Accounts.AccountView>>> (ListAccounts accounts, CancellationToken ct) => TypedResults.Ok(await accounts.RunAsync(ct)));
        users.MapPost("", CreateUserAsync);
        users.MapPut("/{id}/roles", SetRolesAsync);
        users.MapPost("/{id}/second-factor/reset", async Task<Results<NoContent, ProblemHttpResult>> (string id, ClaimsPrincipal user, ResetSecondFactor reset, CancellationToken ct) =>
            await reset.RunAsync(AdminActor.Of(user), id, ct) is { Problem: { } problem } ? problem.ToHttp() : TypedResults.NoContent());
        var requests = app.MapGroup("/api/role-requests").WithTags("Administration").RequireAuthorization(Policies.SecurityAdmin);
        requests.MapGet("", async (RoleRequestStatus? status, DecideRoleRequest decide, CancellationToken ct) => TypedResults.Ok(await decide.ListAsync(status, ct)));
        requests.MapPost("/{id:int}/approve", (int id, DecisionRequest? body, ClaimsPrincipal user, DecideRoleRequest decide, CancellationToken ct) => DecideAsync(id, true, body, user, decide, ct));
        requests.MapPost("/{id:int}/reject", (int id, DecisionRequest? body, ClaimsPrincipal user, DecideRoleRequest decide, CancellationToken ct) => DecideAsync(id, false, body, user, decide, ct));
        users.MapPost("/{id}/deactivate", async Task<Results<NoContent, ProblemHttpResult>> (string id, DeactivateAccount deactivate, CancellationToken ct) =>
            (await deactivate.RunAsync(id, ct)).ToNoContent());
        users.MapPost("/{id}/unlock", async Task<Results<NoContent, ProblemHttpResult>> (string id, UnlockAccount unlock, CancellationToken ct) =>
            (await unlock.RunAsync(id, ct)).ToNoContent());

        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditAdmin);
        audit.MapGet("", ListAuditAsync);
        audit.MapGet("/verify", async (ReadAuditLog log, CancellationToken ct) => TypedResults.Ok(await log.VerifyAsync(ct)));

        var outbox = app.MapGroup("/api/mail/outbox").WithTags("Mail").RequireAuthorization(Policies.SecurityAdmin);
        outbox.MapGet("", async Task<Ok<ListOutbox.Summary>> (Infrastructure.Mail.OutboxStatus? status, int? take, ListOutbox list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(status, take ?? 100, ct)));
        outbox.MapPost("/{id:long}/retry", async Task<Results<NoContent, ProblemHttpResult>> (long id, RetryOutboxMessage retry, CancellationToken ct) =>
            (await retry.RunAsync(id, ct)).ToNoContent());
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<Dictionary<string, object?>>> MeAsync(ClaimsPrincipal user, UserManager<AppUser> users)
    {
        var account = await users.FindByIdAsync(UserId(user));
        var roles = account is null ? [] : await users.GetRolesAsync(account);
        return TypedResults.Ok(new Dictionary<string, object?>
        {
            ["id"] = account?.Id,
            ["email"] = account?.Email,
            ["displayName"] = account?.DisplayName,
            ["roles"] = roles,
            ["enterpriseId"] = account?.EnterpriseId,
            ["department"] = account?.Department,
            ["secondFactor"] = account?.HasTotp == true,
        });
    }

    private static async Task<Ok<IReadOnlyList<PersonalAccessTokens.TokenInfo>>> ListTokensAsync(ClaimsPrincipal user, PersonalAccessTokens tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(UserId(user), ct));

    private static async Task<Results<Created<PersonalAccessTokens.Created>, ProblemHttpResult>> CreateTokenAsync(TokenRequest? request, ClaimsPrincipal user, CreateToken create, CancellationToken ct)
    {
        var result = await create.RunAsync(user, request?.Name, request?.Days, ct);
        return result.Value is { } created ? TypedResults.Created($"/api/me/tokens/{created.Id}", created) : result.Problem!.ToHttp();
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTokenAsync(int id, ClaimsPrincipal user, PersonalAccessTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(UserId(user), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<Dictionary<string, object?>>, NotFound>> ExportMineAsync(ClaimsPrincipal user, ExportPersonalData export, CancellationToken ct) =>
        await export.RunAsync(UserId(user), ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseMineAsync(ClaimsPrincipal user, ErasePersonalData erase, CancellationToken ct) =>
        (await erase.RunAsync(UserId(user), ct)).ToNoContent();

    private static async Task<NoContent> SignOutEverywhereAsync(ClaimsPrincipal user, UserManager<AppUser> users, SignOutEverywhere signOut, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(UserId(user));
        if (account is not null)
        {
            await signOut.RunAsync(account, ct);
        }

        return TypedResults.NoContent();
    }

    public sealed record FileInfoDto(Guid Id, string FileName, string Kind, long Size, string Purpose, DateTimeOffset CreatedAt);

    private static async Task<Ok<List<FileInfoDto>>> ListFilesAsync(ClaimsPrincipal user, InnoClusterDbContext db, CancellationToken ct)
    {
        var id = UserId(user);
        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => f.OwnerId == id).OrderByDescending(f => f.CreatedAt)
            .Select(f => new FileInfoDto(f.Id, f.FileName, f.Kind.ToString(), f.Size, f.Purpose, f.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(files);
    }

    private static async Task<Results<Created<FileInfoDto>, ProblemHttpResult>> UploadAsync(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? purpose, ClaimsPrincipal user, UploadStore store, Microsoft.Extensions.Options.IOptions<UploadOptions> options, CancellationToken ct)
    {
        if (file is null)
        {
            return TypedResults.Problem("缺少 multipart 表单字段 file / multipart field 'file' is missing", statusCode: StatusCodes.Status400BadRequest, title: "缺少文件 / No file");
        }

        await using var stream = file.OpenReadStream();
        var limits = options.Value.Limits;
        var (stored, refusal) = await store.SaveAsync(UserId(user), purpose ?? "attachment", file.FileName, stream, UploadStore.AttachmentKinds, limits, ct);
        return stored is null
            ? TypedResults.Problem(refusal!.Message, statusCode: refusal.Status, title: "上传被拒绝 / Upload refused")
            : TypedResults.Created($"/api/files/{stored.Id}", new FileInfoDto(stored.Id, stored.FileName, stored.Kind.ToString(), stored.Size, stored.Purpose, stored.CreatedAt));
    }

    /// <summary>A file is its owner's; officials may open any (they review attachments). Others: not found.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(Guid id, HttpContext http, UploadStore store, AuditTrail audit, CancellationToken ct)
    {
        var opened = await store.OpenAsync(id, ct);
        if (opened is null)
        {
            return TypedResults.NotFound();
        }

        var (file, content) = opened.Value;
        if (file.OwnerId != UserId(http.User) && !http.User.IsInRole(Roles.Official))
        {
            await content.DisposeAsync();
            return TypedResults.NotFound();
        }

        await audit.RecordAsync("file-downloaded", "stored_files", file.Id.ToString(), "ok", file.FileName, ct);
        return FileDownload.Result(http, file, content);
    }

    private static int EnterpriseOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(AppClaimsFactory.EnterpriseId)!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Ok<IReadOnlyList<Accounts.AccountView>>> ListEnterpriseUsersAsync(ClaimsPrincipal user, ListAccounts accounts, CancellationToken ct)
    {
        var enterprise = EnterpriseOf(user);
        IReadOnlyList<Accounts.AccountView> mine = [.. (await accounts.RunAsync(ct)).Where(a => a.EnterpriseId == enterprise)];
        return TypedResults.Ok(mine);
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, NotFound>> ExportEnterpriseUserAsync(string id, ClaimsPrincipal user, UserManager<AppUser> users, ExportPersonalData export, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        return account is not null && account.EnterpriseId == EnterpriseOf(user) && await export.RunAsync(id, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> EraseEnterpriseUserAsync(string id, ClaimsPrincipal user, UserManager<AppUser> users, ErasePersonalData erase, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null || account.EnterpriseId != EnterpriseOf(user))
        {
            return TypedResults.NotFound();
        }

        await erase.RunAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The account, its one-time set-password link, and the administrator roles that wait for a second administrator.</summary>
    private static async Task<Results<Created<CreateAccount.Created>, ProblemHttpResult>> CreateUserAsync(NewUserRequest request, ClaimsPrincipal user, CreateAccount create, CancellationToken ct)
    {
        var result = await create.RunAsync(AdminActor.Of(user),
            new Accounts.NewAccount(request.Email, request.DisplayName ?? "", request.Roles ?? [], request.EnterpriseId, request.Department, request.Organisation, request.Phone), ct);
        return result.Value is { } created ? TypedResults.Created($"/api/users/{created.Id}", created) : result.Problem!.ToHttp();
    }

    /// <summary>204 when every role applied; 202 with the requests when an administrator role waits for approval.</summary>
    private static async Task<Results<NoContent, Accepted<ChangeRoles.Changed>, ProblemHttpResult>> SetRolesAsync(string id, RolesRequest request, ClaimsPrincipal user, ChangeRoles change, CancellationToken ct)
    {
        var result = await change.RunAsync(AdminActor.Of(user), id, new ChangeRoles.Request(request.Roles, request.EnterpriseId), ct);
        return result.Value switch
        {
            null => result.Problem!.ToHttp(),
            { Pending.Count: > 0 } changed => TypedResults.Accepted("/api/role-requests", changed),
            _ => TypedResults.NoContent(),
        };
    }

    public sealed record DecisionRequest(string? Reason);

    private static async Task<Results<Ok<RoleRequestView>, ProblemHttpResult>> DecideAsync(int id, bool approve, DecisionRequest? body, ClaimsPrincipal user, DecideRoleRequest decide, CancellationToken ct)
    {
        var result = await decide.RunAsync(AdminActor.Of(user), id, approve, body?.Reason, ct);
        return result.Value is { } view ? TypedResults.Ok(view) : result.Problem!.ToHttp();
    }

    private static async Task<Ok<IReadOnlyList<ReadAuditLog.AuditRow>>> ListAuditAsync(string? action, string? actor, string? subject, long? before, int? take, ReadAuditLog log, CancellationToken ct) =>
        TypedResults.Ok(await log.ExecuteAsync(new ReadAuditLog.Filter(action, actor, subject, before, take), ct));
}
