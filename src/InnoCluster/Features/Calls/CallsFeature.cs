namespace InnoCluster.Features.Calls;

/// <summary>Calls (征集/遴选/评选/认定/揭榜/申报), applications, 形式审查, 板块 recommendation, expert review, 公示 and objections.</summary>
public static class CallsFeature
{
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddScoped<CallRecords>();
        services.AddScoped<InnoCluster.Infrastructure.IPersonalDataHolder, CallsPersonalData>();
        services.AddScoped<ApplicationNotices>();
        services.AddScoped<CreateCall>();
        services.AddScoped<UpdateCall>();
        services.AddScoped<PublishCall>();
        services.AddScoped<GetCall>();
        services.AddScoped<ListCalls>();
        services.AddScoped<FindEligibleFirms>();
        services.AddScoped<FirmCalls>();
        services.AddScoped<Workspace.IDailyNotices, DeadlineReminders>();
        services.AddScoped<Workspace.IPushSource, CallPushSource>();
        services.AddScoped<StartApplication>();
        services.AddScoped<EditApplication>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<CheckApplication>();
        services.AddScoped<RecommendApplication>();
        services.AddScoped<GetApplication>();
        services.AddScoped<ListApplications>();
        services.AddScoped<MyApplications>();
        services.AddScoped<SaveExpert>();
        services.AddScoped<ListExperts>();
        services.AddScoped<AssignExperts>();
        services.AddScoped<RecuseFromReview>();
        services.AddScoped<ScoreApplication>();
        services.AddScoped<MyReviews>();
        services.AddScoped<GetRanking>();
        services.AddScoped<SetPanelScore>();
        services.AddScoped<DecideApplication>();
        services.AddScoped<StartPublicity>();
        services.AddScoped<GetPublicity>();
        services.AddScoped<FileObjection>();
        services.AddScoped<AnswerObjection>();
        services.AddScoped<PublishResult>();
        services.AddScoped<ExportRanking>();
        services.AddScoped<RecordUpwardResult>();
        services.AddScoped<CallResults>();
        services.AddScoped<ResultsIntoRecord>();
        services.AddScoped<Registry.IEnterpriseTrackRecord, ResultsTrackRecord>();
        services.AddScoped<ExportApplications>();
        services.AddScoped<ExportScores>();
        services.AddScoped<GetCallReport>();
        services.AddSingleton<InnoCluster.Infrastructure.Seeding.ISeedStep, CallSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalls(this IEndpointRouteBuilder app) => app.MapCallsApi();
}
