namespace InnoCluster.Tests.Infrastructure;

/// <summary>
/// Base of tests that run once per database (bitwarden's DatabaseTheory idea): a concrete subclass per
/// provider. PostgreSQL subclasses skip when no server was provisioned, unless the test script requires it.
/// </summary>
public abstract class DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    protected DatabaseTests(TestApp<TTarget> app) =>
        Assert.SkipUnless(app.Database.Available, "PostgreSQL is not provisioned here; scripts/test.sh starts a throw-away server and runs these.");
}
