namespace InnoCluster.Features.Calculator;

/// <summary>
/// Three-valued (Kleene) logic: a condition on data the registry does not hold is <see cref="Unknown"/>,
/// never false. False and anything is false; true or anything is true; otherwise unknown wins.
/// </summary>
public enum Truth
{
    False = 0,
    Unknown = 1,
    True = 2,
}

public static class TruthLogic
{
    public static Truth And(this Truth left, Truth right) => (Truth)Math.Min((int)left, (int)right);

    public static Truth Or(this Truth left, Truth right) => (Truth)Math.Max((int)left, (int)right);

    public static Truth Not(this Truth value) => (Truth)(2 - (int)value);

    public static Truth From(bool value) => value ? Truth.True : Truth.False;

    /// <summary>Whether a value known only to lie in [low, high] satisfies a comparison: true for all, false for none, else unknown.</summary>
    public static Truth ForInterval(double low, double high, Func<double, bool> test)
    {
        var atLow = test(low);
        var atHigh = test(high);
        return atLow && atHigh ? Truth.True : !atLow && !atHigh ? Truth.False : Truth.Unknown;
    }
}
