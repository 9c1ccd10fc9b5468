using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// The one model. Each feature maps its own entities in an IEntityTypeConfiguration next to them, in the
/// host's assembly, named to this context with <see cref="ModelAssemblies.UseModelFrom"/>; provider
/// subclasses (SQLite, PostgreSQL) exist to hold provider-specific conventions and migrations.
/// </summary>
public abstract class InnoClusterDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var assemblies = this.GetService<IDbContextOptions>().FindExtension<ModelAssemblies>()?.Assemblies
            ?? throw new InvalidOperationException("No assembly holds the model: configure the context with UseModelFrom(assembly).");
        foreach (var assembly in assemblies)
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
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

/// <summary>The assemblies whose IEntityTypeConfiguration classes make up the model (an EF options extension).</summary>
public sealed class ModelAssemblies(IReadOnlyList<Assembly> assemblies) : IDbContextOptionsExtension
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Names the assemblies that hold the model's entity configurations.</summary>
    public static DbContextOptionsBuilder UseModelFrom(DbContextOptionsBuilder options, params Assembly[] assemblies)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new ModelAssemblies(assemblies));
        return options;
    }

    private sealed class ExtensionInfo(ModelAssemblies extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "ModelFrom=" + string.Join(",", extension.Assemblies.Select(a => a.GetName().Name));

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["InnoCluster:ModelFrom"] = LogFragment;
    }
}
