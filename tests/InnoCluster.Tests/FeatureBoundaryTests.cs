using Mono.Cecil;
using Mono.Cecil.Cil;

namespace InnoCluster.Tests;

/// <summary>
/// Each feature keeps its tables and internals to itself: another feature may use only the types it marks
/// [FeatureContract] (its public services and their records), and only the features its row below names.
/// Read from the compiled assembly (every method body, signature, field and attribute, Razor views
/// included), so a `db.Set&lt;Enterprise&gt;()` inside Scenarios fails here.
/// </summary>
public sealed class FeatureBoundaryTests
{
    /// <summary>One row per feature: the other features whose public surface it uses.</summary>
    public static TheoryData<string, string[]> Rows => new()
    {
        { "Identity", [] },
        { "Registry", ["Workspace"] },
        { "Documents", ["Registry", "Workspace"] },
        { "Calculator", ["Registry", "Documents", "Workspace", "Calls"] },
        { "Calls", ["Registry", "Documents", "Calculator", "Identity", "Workspace", "Scenarios"] },
        { "Scenarios", ["Registry", "Documents", "Identity", "Workspace"] },
        { "Plans", ["Registry", "Documents", "Identity", "Scenarios", "Calls", "Workspace"] },
        { "Home", ["Registry", "Documents", "Scenarios", "Plans"] },
        { "Jobs", [] },
        { "ServiceDesk", ["Registry", "Identity", "Documents", "Workspace"] },
        { "Site", [] },
        { "Workspace", ["Registry", "Identity", "Calculator", "Calls"] },
    };

    private static readonly Lazy<ModuleDefinition> Module = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));

    private static readonly string[] Features = ["Identity", "Registry", "Documents", "Calculator", "Calls", "Scenarios", "Plans", "Home", "Jobs", "ServiceDesk", "Site", "Workspace"];

    [Fact]
    public void EveryFeatureFolder_HasARow() =>
        Assert.Equal(
            Module.Value.GetTypes().Select(FeatureOf).OfType<string>().Distinct().Order(StringComparer.Ordinal),
            Rows.Select(r => (string)r.Data.Item1).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Feature_UsesOtherFeaturesOnlyThroughTheirPublicSurface(string feature, string[] allowed)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Module.Value.GetTypes().Where(t => FeatureOf(t) == feature))
        {
            foreach (var used in Uses(type))
            {
                var definition = Resolve(used);
                var owner = definition is null ? null : FeatureOf(definition);
                if (owner is null || owner == feature)
                {
                    continue;
                }

                if (!allowed.Contains(owner))
                {
                    problems.Add($"{type.FullName} uses {owner} ({definition!.FullName}), which its row does not name");
                }
                else if (!IsContract(definition!))
                {
                    problems.Add($"{type.FullName} uses {definition!.FullName}, which is not part of {owner}'s public surface");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Infrastructure_DependsOnNoFeature()
    {
        var problems = Module.Value.GetTypes().Where(t => t.Namespace.StartsWith("InnoCluster.Infrastructure", StringComparison.Ordinal) || DeclaringNamespace(t).StartsWith("InnoCluster.Infrastructure", StringComparison.Ordinal))
            .SelectMany(t => Uses(t).Select(Resolve).OfType<TypeDefinition>().Where(d => FeatureOf(d) is not null).Select(d => $"{t.FullName} uses {d.FullName}"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static string DeclaringNamespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>The feature a type belongs to: by namespace, or for a compiled Razor view by its file path.</summary>
    private static string? FeatureOf(TypeDefinition type)
    {
        var ns = DeclaringNamespace(type);
        if (ns.StartsWith("InnoCluster.Features.", StringComparison.Ordinal))
        {
            return ns.Split('.')[2];
        }

        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        if (ns == "AspNetCoreGeneratedDocument" && outer.Name.StartsWith("Features_", StringComparison.Ordinal))
        {
            var name = outer.Name.Split('_')[1];
            return Features.Contains(name) ? name : null;
        }

        return null;
    }

    private static bool IsContract(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.CustomAttributes.Any(a => a.AttributeType.Name == "FeatureContractAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static TypeDefinition? Resolve(TypeReference reference)
    {
        try
        {
            return reference.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    /// <summary>Every type a type mentions: its base and interfaces, fields, properties, attributes, signatures and method bodies.</summary>
    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        void AddAttributes(Mono.Collections.Generic.Collection<CustomAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Add(argument.Value as TypeReference);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type.CustomAttributes);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field.CustomAttributes);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property.CustomAttributes);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method.CustomAttributes);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference reference:
                        Add(reference);
                        break;
                    case MethodReference called:
                        AddMethod(called);
                        break;
                    case FieldReference field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}
