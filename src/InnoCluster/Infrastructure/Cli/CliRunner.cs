using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Infrastructure.Cli;

public static class CliRunner
{
    public static async Task<int> RunAsync(WebApplication app, CliCommand command)
    {
        var output = Console.Out;
        var verbs = app.Services.GetServices<ICliVerb>().ToList();
        if (command.Verb == "help")
        {
            PrintUsage(output, verbs);
            return 0;
        }

        var verb = verbs
            .Where(v => v.Words.Count <= command.Words.Count && v.Words.Select((w, i) => w == command.Words[i]).All(x => x))
            .OrderByDescending(v => v.Words.Count)
            .FirstOrDefault();
        if (verb is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command: {string.Join(' ', command.Words)}");
            PrintUsage(Console.Error, verbs);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        Auditing.CliActor.Current = new Auditing.CliActor(null, "cli:" + Environment.UserName, "localhost");

        // Every verb works on a migrated database; the seed data is loaded unless the verb is `migrate` or `backup`.
        // `restore` writes into an empty database, so nothing is prepared before it.
        if (command.Verb != "restore")
        {
            await app.Services.GetRequiredService<DatabasePreparation>().RunAsync(seed: command.Verb is not ("migrate" or "backup"), cancellation.Token);
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await verb.RunAsync(command, scope.ServiceProvider, output, cancellation.Token);
    }

    private static void PrintUsage(TextWriter writer, IEnumerable<ICliVerb> verbs)
    {
        writer.WriteLine("InnoCluster operator commands (run the platform with no arguments):");
        foreach (var verb in verbs.OrderBy(v => string.Join(' ', v.Words), StringComparer.Ordinal))
        {
            writer.WriteLine("  " + verb.Usage);
        }
    }
}
