using Npgsql;
using Polly;
using Polly.Retry;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// Storage that fails for a moment or fills up, answered for what it is instead of a 500.
/// <para>A database that restarts, fails over or drops connections (PostgreSQL restarted: 38 × 500 in half a
/// second, issue 22): a request that only reads is run again, after a short back-off, with the pool's dead
/// connections cleared (Polly); one that writes is not re-run — whether its write landed is not known — and
/// is answered 503 with Retry-After, which clients and people can act on.</para>
/// <para>A full disk (database, uploads, index): 507, saying so; nothing was stored, as every write is a transaction.</para>
/// </summary>
public sealed class StorageFailureResponses(RequestDelegate next, ILogger<StorageFailureResponses> logger)
{
    private static readonly ResiliencePipeline Reads = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = arguments =>
            {
                NpgsqlConnection.ClearAllPools();
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async Task InvokeAsync(HttpContext context)
    {
        var reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        try
        {
            if (reads)
            {
                await Reads.ExecuteAsync(
                    async _ =>
                    {
                        if (context.Response.HasStarted)
                        {
                            await next(context);
                            return;
                        }

                        context.Response.Clear();
                        await next(context);
                    },
                    context.RequestAborted);
            }
            else
            {
                await next(context);
            }
        }
        catch (Exception ex) when (IsTransient(ex) && !context.Response.HasStarted)
        {
            NpgsqlConnection.ClearAllPools();
            logger.LogWarning(ex, "The database was unavailable for {Method} {Path}; answered 503", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "2";
            await Results.Problem("数据库暂时不可用，请稍后重试 / the database is briefly unavailable: try again in a moment", statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时不可用 / Unavailable").ExecuteAsync(context);
        }
        catch (Exception ex) when (StorageFailure.IsDiskFull(ex) && !context.Response.HasStarted)
        {
            logger.LogError(ex, "The disk is full: {Method} {Path} stored nothing", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Results.Problem(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader(StorageFailure.Describe(ex)) + InnoCluster.Infrastructure.Web.Ui.L("；请联系运维人员", "; tell the operators"), statusCode: StatusCodes.Status507InsufficientStorage, title: InnoCluster.Infrastructure.Web.Ui.L("存储空间不足", "Insufficient storage")).ExecuteAsync(context);
        }
    }

    /// <summary>A failure of the connection or the server that another try may not meet (Npgsql's own judgement, through EF's wrappers).</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }

            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006" or "08001" or "08004" })
            {
                return true;
            }
        }

        return false;
    }
}
