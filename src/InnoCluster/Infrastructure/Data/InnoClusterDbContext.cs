using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// The one model. Each feature maps its own entities in an IEntityTypeConfiguration next to them;
/// provider subclasses (SQLite, PostgreSQL) exist only to hold provider-specific migrations.
/// </summary>
public abstract class InnoClusterDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SeedRun> SeedRuns => Set<SeedRun>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InnoClusterDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal 元 with 4 decimals (分 and below); one precision on both providers.
        configurationBuilder.Properties<decimal>().HavePrecision(20, 4);
    }
}

public sealed class SqliteInnoClusterDbContext(DbContextOptions<SqliteInnoClusterDbContext> options) : InnoClusterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so ORDER BY works.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class PostgresInnoClusterDbContext(DbContextOptions<PostgresInnoClusterDbContext> options) : InnoClusterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
