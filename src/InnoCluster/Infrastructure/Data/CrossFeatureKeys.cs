using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Data;

/// <summary>
/// A foreign key to another feature's table, declared by that entity's name: the database keeps its
/// integrity (a docking cannot name an enterprise that does not exist), while the code of one feature never
/// touches another feature's entity types.
/// </summary>
public static class CrossFeatureKeys
{
    public const string Enterprise = "InnoCluster.Features.Registry.Enterprise";

    public const string Document = "InnoCluster.Features.Documents.Document";

    public static void References<T>(this EntityTypeBuilder<T> builder, string entityTypeName, string foreignKey, DeleteBehavior onDelete)
        where T : class =>
        builder.HasOne(typeof(CrossFeatureKeys).Assembly.GetType(entityTypeName, throwOnError: true)!, null).WithMany().HasForeignKey(foreignKey).OnDelete(onDelete);
}
