using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// Suggests a new request's theme from the office's own history: the model is trained on the requests whose
/// theme the desk set (its corrections of earlier suggestions included, as the desk's word is the label),
/// newest <see cref="HistoryLimit"/> first, and trained again in the background once that history has grown
/// by a tenth — a filing never waits for training. The history is counted at most once every
/// <see cref="RecountEvery"/> (a count over 100k requests costs a filing ~10 ms). No history, no suggestion.
/// </summary>
public sealed class ThemeSuggester(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ThemeSuggester> log)
{
    public const int HistoryLimit = 20_000;

    public static readonly TimeSpan RecountEvery = TimeSpan.FromMinutes(1);

    private ThemeModel? _model;
    private int _trainedOn = -1;
    private DateTimeOffset? _countedAt;
    private Task? _training;
    private readonly Lock _gate = new();

    /// <summary>The current model's suggestion, or null while there is none; starts a training when the history has grown.</summary>
    public async Task<ThemeModel.Suggestion?> SuggestAsync(InnoClusterDbContext db, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        bool recount;
        lock (_gate)
        {
            recount = IsDue(_countedAt, now);
            _countedAt = recount ? now : _countedAt;
        }

        if (recount)
        {
            var labelled = await db.Set<Appeal>().CountAsync(a => a.Theme != null, cancellationToken);
            lock (_gate)
            {
                if (HasGrown(_trainedOn, labelled) && _training is null or { IsCompleted: true })
                {
                    _training = Task.Run(() => TrainAsync(labelled), CancellationToken.None);
                }
            }
        }

        return _model?.Suggest(text);
    }

    /// <summary>Whether the labelled history is counted again: first time, then once every <see cref="RecountEvery"/>.</summary>
    public static bool IsDue(DateTimeOffset? countedAt, DateTimeOffset now) => countedAt is not { } last || now - last >= RecountEvery;

    /// <summary>Whether to train (again): enough examples for a first model, then a tenth more (at least <see cref="ThemeModel.MinExamples"/>) than the last one saw.</summary>
    public static bool HasGrown(int trainedOn, int labelled) =>
        trainedOn < 0 ? labelled >= ThemeModel.MinExamples : labelled >= trainedOn + Math.Max(ThemeModel.MinExamples, trainedOn / 10);

    /// <summary>Trains now from the history and waits (the CLI, tests, a deployment warming up).</summary>
    public Task<int> TrainNowAsync() => TrainAsync(null);

    private async Task<int> TrainAsync(int? labelled)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var history = await db.Set<Appeal>().AsNoTracking().Where(a => a.Theme != null).OrderByDescending(a => a.Id).Take(HistoryLimit)
                .Select(a => new { a.Topic, a.Text, a.Theme }).ToListAsync();
            var model = ThemeModel.Train([.. history.Select(h => (TextOf(h.Topic, h.Text), h.Theme!))]);
            (_model, _trainedOn) = (model ?? _model, labelled ?? history.Count);
            log.LogInformation("Theme model trained on {Examples} requests the desk classified", history.Count);
            return history.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Training the theme model failed; suggestions continue from the previous model");
            return 0;
        }
    }

    /// <summary>What the model reads of a request: its topic and its text.</summary>
    public static string TextOf(string topic, string text) => topic + "\n" + text;
}
