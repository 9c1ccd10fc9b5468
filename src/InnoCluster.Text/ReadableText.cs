namespace InnoCluster.Text;

/// <summary>
/// What pages show of a source's words: conversion artefacts removed (國內(nèi) → 國內), in simplified script,
/// and the OCR misreadings found in the seed sources kept as written but marked [原文如此] with the likely
/// reading beside them. The text as written is what is stored and quoted; this is only how it is shown.
/// </summary>
public static class ReadableText
{
    /// <summary>Misreadings seen in the seed documents' scans, with the word the context calls for.</summary>
    private static readonly (string Written, string Likely)[] Misreadings =
    [
        ("遂选", "遴选"),
        ("避选", "遴选"),
        ("哭破", "突破"),
        ("元字宙", "元宇宙"),
    ];

    /// <summary>The text in simplified script, conversion artefacts removed; letters keep their case.</summary>
    public static string Simplified(string text) =>
        ScriptConverter.TraditionalToSimplified.Convert(ConversionArtefacts.RemovePinyin(text));

    /// <summary>As <see cref="Simplified"/>, with each known misreading marked: 遂选[原文如此，疑为“遴选”].</summary>
    public static string Shown(string text)
    {
        var shown = Simplified(text);
        foreach (var (written, likely) in Misreadings)
        {
            shown = shown.Replace(written, $"{written}[原文如此，疑为“{likely}”]", StringComparison.Ordinal);
        }

        return shown;
    }

    /// <summary>Whether what is shown differs from the text as written (so the page offers the original).</summary>
    public static bool DiffersFromWritten(string text) => !string.Equals(Shown(text), text, StringComparison.Ordinal);
}
