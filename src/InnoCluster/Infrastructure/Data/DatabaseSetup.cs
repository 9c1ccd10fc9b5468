using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace InnoCluster.Infrastructure.Data;

public static class DatabaseSetup
{
    /// <summary>One per process: between a save and its completion it holds only the kinds of row the save touched.</summary>
    private static readonly DataChangeInterceptor DataChangeInterceptor = new();

    /// <summary>
    /// SQLite file under the data directory by default; PostgreSQL when ConnectionStrings:Default is a
    /// PostgreSQL connection string ("Host=…") or URI ("postgres://…").
    /// </summary>
    public static IServiceCollection AddInnoClusterDatabase(this IServiceCollection services, IConfiguration configuration, InnoClusterPaths paths)
    {
        var configured = configuration.GetConnectionString("Default");
        var (provider, connectionString) = Resolve(configured, paths);
        services.AddHttpContextAccessor();
        services.AddScoped<Auditing.IAuditActor, Auditing.HttpAuditActor>();
        services.AddScoped<Auditing.AuditInterceptor>();
        services.Configure<Auditing.AuditOptions>(configuration.GetSection("Audit"));
        services.AddSingleton<Auditing.AuditKey>();
        services.AddSingleton<Auditing.AuditAnchors>();
        services.AddSingleton<Auditing.AuditChain>();
        services.AddHostedService<Auditing.AuditAnchoring>();
        services.AddScoped<Auditing.AuditTrail>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<InnoClusterDbContext, PostgresInnoClusterDbContext>((sp, o) =>
                ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<Auditing.AuditInterceptor>(), DataChangeInterceptor));
        }
        else
        {
            // One queue of writers per database file, shared by every context of this process.
            services.AddSingleton<SqliteWriteQueue>();
            services.AddDbContext<InnoClusterDbContext, SqliteInnoClusterDbContext>((sp, o) =>
                ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<SqliteWriteQueue>(), sp.GetRequiredService<Auditing.AuditInterceptor>(), DataChangeInterceptor));
        }

        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        return services;
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? configured, InnoClusterPaths paths)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            Directory.CreateDirectory(paths.DataDirectory);
            return (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(paths.DataDirectory, "innocluster.db")}");
        }

        if (configured.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || configured.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, FromUri(new Uri(configured)));
        }

        if (configured.Contains("Host=", StringComparison.OrdinalIgnoreCase) || configured.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, configured);
        }

        return (DatabaseProvider.Sqlite, configured);
    }

    private static string FromUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        ModelAssemblies.UseModelFrom(options, typeof(DatabaseSetup).Assembly).UseSqlite(connectionString, o =>
            {
                o.MigrationsAssembly("InnoCluster.Migrations.Sqlite");
                o.MigrationsHistoryTable("__ef_migrations");
                o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                // One JSON parameter for `ids.Contains(x)`, not one SQL parameter per id: imports and
                // indexing pass thousands of ids, and EF 10's default expands each one per execution.
                o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            })
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqlitePragmas.Instance)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        ModelAssemblies.UseModelFrom(options, typeof(DatabaseSetup).Assembly).UseNpgsql(connectionString, o =>
            {
                o.MigrationsAssembly("InnoCluster.Migrations.Postgres");
                o.MigrationsHistoryTable("__ef_migrations");
                o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            })
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
