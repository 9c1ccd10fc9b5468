using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Tests.Operations;

/// <summary>
/// The change log a per-root cache reads: which roots changed since it read, only for the kinds of row it reads
/// from, and "read everything" once a change cannot be placed. Kinds of row no other test writes keep it exact.
/// </summary>
public sealed class DataChangesTests
{
    private sealed class Root;

    private sealed class Part;

    private sealed class Shared;

    private sealed class Elsewhere;

    private static readonly Type[] ReadFrom = [typeof(Part), typeof(Shared)];

    [Fact]
    public void TheRootsThatChanged_AreNamed_UntilAChangeCannotBePlaced()
    {
        var start = DataChanges.Cursor(ReadFrom);
        Assert.Empty(DataChanges.RootsChangedSince(start, typeof(Root), ReadFrom)!);

        DataChanges.Changed(typeof(Part), [(typeof(Root), 7), (typeof(Root), 9), (typeof(Elsewhere), 7)]);
        DataChanges.Changed(typeof(Elsewhere), [(typeof(Root), 11)]); // not read from
        Assert.Equal([7, 9], DataChanges.RootsChangedSince(start, typeof(Root), ReadFrom)!.Order());
        Assert.NotEqual(start.Version, DataChanges.Cursor(ReadFrom).Version);

        var later = DataChanges.Cursor(ReadFrom);
        Assert.Empty(DataChanges.RootsChangedSince(later, typeof(Root), ReadFrom)!);
        DataChanges.Changed(typeof(Part), [(typeof(Root), 12)]);
        Assert.Equal([12], DataChanges.RootsChangedSince(later, typeof(Root), ReadFrom));

        DataChanges.Changed(typeof(Shared)); // a bulk write, or a row that is part of no root
        Assert.Null(DataChanges.RootsChangedSince(later, typeof(Root), ReadFrom));
        Assert.Empty(DataChanges.RootsChangedSince(DataChanges.Cursor(ReadFrom), typeof(Root), ReadFrom)!);
    }

    [Fact]
    public void ALogThatNoLongerReachesBack_SendsTheReaderToAFullRead()
    {
        var start = DataChanges.Cursor(ReadFrom);
        var flood = Enumerable.Range(0, DataChanges.LogLength + 10).Select(i => (typeof(Elsewhere), i)).ToList();
        DataChanges.Changed(typeof(Elsewhere), flood);
        Assert.Null(DataChanges.RootsChangedSince(start, typeof(Root), ReadFrom));
        Assert.NotNull(DataChanges.RootsChangedSince(DataChanges.Cursor(ReadFrom), typeof(Root), ReadFrom));
    }
}
