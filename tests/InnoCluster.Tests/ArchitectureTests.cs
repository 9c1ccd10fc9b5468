using NetArchTest.Rules;

namespace InnoCluster.Tests;

/// <summary>Boundaries the design holds to (ARCHITECTURE.md), as tests.</summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly App = typeof(Program).Assembly;

    [Fact]
    public void TextLibrary_HasNoWebOrDatabaseDependency()
    {
        var result = Types.InAssembly(typeof(InnoCluster.Text.SearchAnalyzer).Assembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "InnoCluster.Features", "InnoCluster.Infrastructure")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
