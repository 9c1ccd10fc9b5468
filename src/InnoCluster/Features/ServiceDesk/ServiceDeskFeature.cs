using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The service desk: enterprise requests (企业诉求) on working-day clocks, from the State Council's notices, and the handling of proposals (建议提案) with their replies and commitments.</summary>
public static class ServiceDeskFeature
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceDeskOptions>(configuration.GetSection("ServiceDesk"));
        services.AddScoped<EscalateOverdueAppeals>();
        services.AddScoped<Workspace.IWorkspaceSource, RequestsWorkspaceSource>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, AppealEscalationJob>();
        services.AddHostedService<AppealEscalationSchedule>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<GetCalendar>();
        services.AddScoped<EditCalendarDay>();
        services.AddScoped<PublishHolidayNotice>();
        services.AddScoped<FileAppeal>();
        services.AddSingleton<ThemeSuggester>();
        services.AddScoped<GetAppeal>();
        services.AddScoped<ListAppeals>();
        services.AddScoped<ExportAppeals>();
        services.AddScoped<GetDeskAnalytics>();
        services.AddScoped<MoveAppeal>();
        services.AddScoped<InnoCluster.Infrastructure.IPersonalDataHolder, ServiceDeskPersonalData>();
        services.AddScoped<EraseContact>();
        services.AddScoped<RegisterProposal>();
        services.AddScoped<GetProposal>();
        services.AddScoped<ListProposals>();
        services.AddScoped<ExportProposals>();
        services.AddScoped<MoveProposal>();
        services.AddScoped<SendProposalReply>();
        services.AddSingleton<ISeedStep, CalendarSeedStep>();
        services.AddSingleton<ISeedStep, ProposalSeedStep>();
        return services;
    }
}
