namespace InnoCluster.Infrastructure.Cli;

/// <summary>`migrate` and `seed`: the work happens in CliRunner before any verb runs.</summary>
public sealed class MigrateVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["migrate"];

    public string Usage => "migrate                      apply database migrations only";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Migrations applied.");
        return 0;
    }
}

public sealed class SeedVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["seed"];

    public string Usage => "seed                         apply migrations and load the seed dataset (data/seed/)";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("Migrations and seed data applied.");
        return 0;
    }
}
