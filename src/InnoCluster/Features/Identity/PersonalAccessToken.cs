using System.Security.Cryptography;
using System.Text;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A personal access token for API clients: random (256 bits), shown once, stored only as its SHA-256,
/// acting with the roles its user has at the moment of each request, revocable and expiring.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";

    [Sensitive]
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("personal_access_tokens");
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.UserId).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Creating, listing and revoking tokens.</summary>
public sealed class PersonalAccessTokens(InnoClusterDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SecurityOptions> options)
{
    public const string TokenPrefix = "ic_";

    public sealed record Created(int Id, string Token, DateTimeOffset ExpiresAt);

    public sealed record TokenInfo(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    public async Task<Created> CreateAsync(string userId, string name, int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, options.Value.MaxTokenDays);
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var entity = new PersonalAccessToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim()[..Math.Min(100, name.Trim().Length)],
            Prefix = token[..10],
            Hash = PersonalAccessToken.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(entity.Id, token, entity.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenInfo>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.Set<PersonalAccessToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenInfo(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken cancellationToken)
    {
        var token = await db.Set<PersonalAccessToken>().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RevokeAllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var token in await db.Set<PersonalAccessToken>().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
