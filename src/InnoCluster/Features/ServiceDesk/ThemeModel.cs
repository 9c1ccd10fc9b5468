using InnoCluster.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>
/// A request's theme (政策兑现, 融资, 人才 …) learnt from requests whose theme the desk has set: ML.NET's
/// multiclass maximum-entropy trainer (SDCA) over the words the platform's segmenter finds (and word
/// pairs) and character pairs of the normalised text. Trained single-threaded with a fixed seed, so the
/// same history gives the same model. A suggestion is a proposal for the desk, never the desk's decision.
/// </summary>
public sealed class ThemeModel
{
    /// <summary>Fewer labelled requests than this (or a single theme) train no model: there is nothing to learn from yet.</summary>
    public const int MinExamples = 20;

    private readonly PredictionEngine<Row, Prediction> _engine;
    private readonly string[] _themes;
    private readonly Lock _gate = new();

    private ThemeModel(PredictionEngine<Row, Prediction> engine, string[] themes, int examples)
    {
        (_engine, _themes, Examples) = (engine, themes, examples);
    }

    public sealed record Suggestion(string Theme, double Confidence);

    public int Examples { get; }

    public IReadOnlyList<string> Themes => _themes;

    public static ThemeModel? Train(IReadOnlyList<(string Text, string Theme)> examples)
    {
        if (examples.Count < MinExamples || examples.Select(e => e.Theme).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Text = Features(e.Text), Label = e.Theme }).ToList());
        var featurizing = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizing, nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        VBuffer<ReadOnlyMemory<char>> names = default;
        model.GetOutputSchema(data.Schema)["Score"].GetSlotNames(ref names);
        return new ThemeModel(ml.Model.CreatePredictionEngine<Row, Prediction>(model), [.. names.DenseValues().Select(n => n.ToString())], examples.Count);
    }

    /// <summary>The likeliest theme and the model's probability for it.</summary>
    public Suggestion Suggest(string text)
    {
        Prediction prediction;
        lock (_gate)
        {
            prediction = _engine.Predict(new Row { Text = Features(text) }); // a prediction engine is not thread-safe
        }

        var best = Array.IndexOf(_themes, prediction.PredictedLabel);
        return new Suggestion(prediction.PredictedLabel, best >= 0 && best < prediction.Score.Length ? prediction.Score[best] : 0);
    }

    /// <summary>The text as the model reads it: normalised (简繁, widths) and split into the segmenter's words.</summary>
    private static string Features(string text) => SearchAnalyzer.Default.IndexString(text);

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}
