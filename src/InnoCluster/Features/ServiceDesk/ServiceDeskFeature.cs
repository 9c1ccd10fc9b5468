using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>The service desk: enterprise requests (企业诉求) on working-day clocks, from the State Council's notices.</summary>
public static class ServiceDeskFeature
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceDeskOptions>(configuration.GetSection("ServiceDesk"));
        services.AddScoped<EscalateOverdueAppeals>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, AppealEscalationJob>();
        services.AddHostedService<AppealEscalationSchedule>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<GetCalendar>();
        services.AddScoped<EditCalendarDay>();
        services.AddScoped<FileAppeal>();
        services.AddScoped<GetAppeal>();
        services.AddScoped<ListAppeals>();
        services.AddScoped<MoveAppeal>();
        services.AddSingleton<ISeedStep, CalendarSeedStep>();
        return services;
    }
}
