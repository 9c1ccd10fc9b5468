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

    [Fact]
    public void Infrastructure_DoesNotDependOnFeatures()
    {
        var result = Types.InAssembly(App).That().ResideInNamespace("InnoCluster.Infrastructure")
            .ShouldNot().HaveDependencyOn("InnoCluster.Features")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData("InnoCluster.Features.Registry", new string[0])]
    public void Feature_UsesOtherFeaturesOnlyThroughTheirPublicServices(string feature, string[] allowed)
    {
        var others = new[] { "Registry", "Documents", "Identity", "Scenarios", "Policies", "Calls", "Plans", "Home" }
            .Select(f => "InnoCluster.Features." + f)
            .Where(f => f != feature && !allowed.Contains(f))
            .ToArray();
        var result = Types.InAssembly(App).That().ResideInNamespace(feature)
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
