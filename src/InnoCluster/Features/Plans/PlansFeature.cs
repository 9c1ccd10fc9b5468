using System.Security.Claims;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// Action plans (行动计划): targets, actions and tasks proposed from the plan's text and reviewed by an
/// official; indicators computed or reported with their sources; quarterly progress reports by responsible
/// unit with reminders; the dashboard, the annual report (HTML, PDF by Chromium) and the indicators workbook.
/// This file wires the services and the HTTP API; the pages are in Pages/.
/// </summary>
public static partial class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ImportPlan>();
        services.AddScoped<ListPlans>();
        services.AddScoped<GetPlanStructure>();
        services.AddScoped<ConfirmPlan>();
        services.AddScoped<EditPlanTarget>();
        services.AddScoped<RejectPlanTarget>();
        services.AddScoped<EditPlanAction>();
        services.AddScoped<EditPlanTask>();
        services.AddScoped<ListTargets>();
        services.AddScoped<GetTarget>();
        services.AddScoped<GetTargetDistricts>();
        services.AddScoped<SetTargetShares>();
        services.AddScoped<SetTargetIndicator>();
        services.AddScoped<RecordTargetValue>();
        services.AddScoped<IndicatorCounter>();
        services.AddScoped<ListPlanTasks>();
        services.AddScoped<Workspace.IWorkspaceSource, TasksWorkspaceSource>();
        services.AddScoped<ListTaskReports>();
        services.AddScoped<OpenTaskForReporting>();
        services.AddScoped<FileTaskReport>();
        services.AddScoped<ClosePeriod>();
        services.AddScoped<AnnualReport>();
        services.AddScoped<DistrictSpecialities>();
        services.AddScoped<ReportReminders>();
        services.Configure<ReminderScheduleOptions>(configuration.GetSection("Reports"));
        services.AddSingleton<ReminderSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSchedule>());
        services.AddSingleton<Infrastructure.Cli.ICliVerb, RemindVerb>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, AnnualReportPdfJob>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, ReportRemindersJob>();
        services.AddSingleton<ISeedStep, PlanSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app) => app.MapPlansApi();

    [GeneratedRegex(@"(?<from>20\d{2})\s*[-—–~至]\s*(?<to>20\d{2})\s*年")]
    internal static partial Regex PeriodPattern();
}
