namespace InnoCluster.Infrastructure.Auditing;

/// <summary>
/// A property whose value never goes into the audit trail or logs (passwords, secrets, token hashes,
/// encrypted personal data): its change is recorded as "(changed)".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
