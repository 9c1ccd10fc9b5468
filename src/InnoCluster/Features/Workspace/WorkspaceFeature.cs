using InnoCluster.Infrastructure.Jobs;

namespace InnoCluster.Features.Workspace;

/// <summary>The enterprise workspace: claiming a firm, its members, the notification centre, mail digests and the push that tells firms what fits them.</summary>
public static class WorkspaceFeature
{
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkspaceOptions>(configuration.GetSection("Workspace"));
        services.AddScoped<Notifier>();
        services.AddScoped<NoticeLedger>();
        services.AddScoped<InnoCluster.Infrastructure.IPersonalDataHolder, WorkspacePersonalData>();
        services.AddScoped<Announcements>();
        services.AddSingleton<IJobKind, PushJob>();
        services.AddSingleton<IJobKind, DigestJob>();
        services.AddHostedService<DigestSchedule>();
        services.AddScoped<SendDigests>();
        services.AddScoped<ClaimAccess>();
        services.AddScoped<ClaimAdmission>();
        services.AddScoped<ClaimProof>();
        services.AddScoped<ClaimFirm>();
        services.AddScoped<DecideClaim>();
        services.AddScoped<WithdrawClaim>();
        services.AddScoped<ListClaims>();
        services.AddScoped<ListFirmMembers>();
        services.AddScoped<RemoveFirmMember>();
        services.AddScoped<HandOverFirm>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddScoped<MailSettings>();
        services.AddScoped<Unsubscribe>();
        services.AddScoped<GetWorkspace>();
        services.AddScoped<FollowSearch>();
        services.AddScoped<ListFollowedSearches>();
        services.AddScoped<UnfollowSearch>();
        services.AddScoped<CheckFollowedSearches>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkspace(this IEndpointRouteBuilder app) => app.MapWorkspaceApi();
}
