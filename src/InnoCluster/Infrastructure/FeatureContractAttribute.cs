namespace InnoCluster.Infrastructure;

/// <summary>
/// Marks a type as part of its feature's public surface: the services and records other features may use.
/// Everything else in a feature — its entities and tables above all — is its own (FeatureBoundaryTests).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Struct | AttributeTargets.Enum)]
public sealed class FeatureContractAttribute : Attribute;
