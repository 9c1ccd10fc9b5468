using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InnoCluster.Infrastructure.Data;

// Used by `dotnet ef migrations add` (scripts/add-migration.sh) only; the connection is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteInnoClusterDbContext>
{
    public SqliteInnoClusterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteInnoClusterDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteInnoClusterDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresInnoClusterDbContext>
{
    public PostgresInnoClusterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresInnoClusterDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=design_time");
        return new PostgresInnoClusterDbContext(options.Options);
    }
}
