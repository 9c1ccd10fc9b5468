namespace InnoCluster.Infrastructure.Cli;

/// <summary>
/// An operator command given to the same binary: `innocluster import enterprises FILE --dry-run`.
/// Words are the verb and its arguments; `--name value` and `--flag` are options; options naming
/// configuration keys (`--ConnectionStrings:Default=…`) go to the host.
/// </summary>
public sealed record CliCommand(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string?> Options, string[] HostArgs)
{
    public static readonly string[] Verbs = ["import", "export", "reindex", "seed", "migrate", "mappings", "users", "tokens", "audit", "bench", "remind", "mail", "backup", "restore", "help"];

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "dry-run", "json", "force" };

    public string Verb => Words[0];

    public string? Word(int index) => index < Words.Count ? Words[index] : null;

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Options.ContainsKey(name);

    public static CliCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            return null;
        }

        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
                continue;
            }

            var name = arg[2..];
            if (name.Contains(':', StringComparison.Ordinal) || name.Contains('=', StringComparison.Ordinal) && name.Split('=')[0].Contains(':', StringComparison.Ordinal))
            {
                hostArgs.Add(arg);
                continue;
            }

            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (Flags.Contains(name) || i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = null;
            }
            else
            {
                options[name] = args[++i];
            }
        }

        return new CliCommand(words, options, [.. hostArgs]);
    }
}
