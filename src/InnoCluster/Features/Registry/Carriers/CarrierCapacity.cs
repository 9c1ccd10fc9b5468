using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Registry;

/// <summary>
/// A compute centre's capacity as a source states it on a day (or in a year): total computing power and intelligent
/// computing power (智算), in P (PFLOPS), as announced. Readings are kept over time — a new one never overwrites the
/// last — and a count on a day reads each centre's latest reading by then.
/// </summary>
public sealed class CarrierCapacity
{
    /// <summary>The largest capacity a reading may state, in P: far above any centre today, it catches a slip of units (T for P).</summary>
    public const decimal MaxPeta = 10_000_000m;

    public int Id { get; set; }

    public int CarrierId { get; set; }

    /// <summary>The day the figure describes, when the source gives one; else only <see cref="Year"/>.</summary>
    public DateOnly? AsOf { get; set; }

    public int Year { get; set; }

    /// <summary>总算力, in P.</summary>
    public decimal? TotalPeta { get; set; }

    /// <summary>智算 (intelligent computing) capacity, in P.</summary>
    public decimal? IntelligentPeta { get; set; }

    public Provenance Source { get; set; } = new();

    public string EnteredBy { get; set; } = "";

    /// <summary>Whether the reading was stated by the end of <paramref name="day"/> (by its day, or its year when only the year is known).</summary>
    public static System.Linq.Expressions.Expression<Func<CarrierCapacity, bool>> KnownOn(DateOnly day) =>
        r => r.AsOf != null ? r.AsOf <= day : r.Year <= day.Year;

    /// <summary>The rules a reading follows, written once: only a compute centre has one; at least one figure, each above 0 and below <see cref="MaxPeta"/>; 智算 within the total; a day or a year, never in the future.</summary>
    public static Problem? Check(CarrierKind kind, decimal? total, decimal? intelligent, DateOnly? asOf, int? year, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>();
        if (kind != CarrierKind.ComputeCentre)
        {
            return Problem.Conflict("只有算力中心记录算力规模 / only a compute centre has a computing capacity");
        }

        if (total is null && intelligent is null)
        {
            problems["totalPeta"] = ["请填写总算力或智算规模（P） / give the total or the intelligent computing capacity, in P"];
        }

        foreach (var (field, value) in new[] { ("totalPeta", total), ("intelligentPeta", intelligent) })
        {
            if (value is { } v && (v <= 0 || v >= MaxPeta))
            {
                problems[field] = [$"算力以P计，应大于0、小于{MaxPeta:0} / in P, more than 0 and less than {MaxPeta:0}"];
            }
        }

        if (total is { } t && intelligent is { } i && i > t)
        {
            problems["intelligentPeta"] = [$"智算规模 {i}P 大于总算力 {t}P / the intelligent capacity cannot exceed the total"];
        }

        if (asOf is null && year is null)
        {
            problems["asOf"] = ["请填写数据日期或年份 / give the day or the year the figure describes"];
        }
        else if ((asOf is { } day && (day > today || day.Year < 1980)) || (year is { } y && (y > today.Year || y < 1980)) || (asOf is { } d && year is { } yy && d.Year != yy))
        {
            problems["asOf"] = ["数据日期或年份应在1980年至今天之间，且二者一致 / the day or year: 1980 to today, and agreeing"];
        }

        return problems.Count > 0 ? Problem.Fields(problems) : null;
    }
}

internal sealed class CarrierCapacityConfiguration : IEntityTypeConfiguration<CarrierCapacity>
{
    public void Configure(EntityTypeBuilder<CarrierCapacity> builder)
    {
        builder.ToTable("carrier_capacities");
        builder.HasIndex(r => new { r.CarrierId, r.Year });
        builder.Property(r => r.TotalPeta).HasPrecision(18, 2);
        builder.Property(r => r.IntelligentPeta).HasPrecision(18, 2);
        builder.Property(r => r.EnteredBy).HasMaxLength(256);
        builder.OwnsOne(r => r.Source, p => p.MapProvenance("source"));
        builder.Navigation(r => r.Source).IsRequired();
        builder.HasOne<Carrier>().WithMany(c => c.Capacities).HasForeignKey(r => r.CarrierId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>An official records a compute centre's capacity with the day or year it describes and its source. Audited.</summary>
public sealed class RecordCarrierCapacity(InnoClusterDbContext db, InnoCluster.Infrastructure.Auditing.AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(decimal? TotalPeta, decimal? IntelligentPeta, DateOnly? AsOf, int? Year, string? Source, string? Quote, string? Locator);

    public async Task<Result<int>> RunAsync(System.Security.Claims.ClaimsPrincipal official, int carrierId, Request request, CancellationToken cancellationToken)
    {
        if (await db.Set<Carrier>().SingleOrDefaultAsync(c => c.Id == carrierId, cancellationToken) is not { } carrier)
        {
            return Problem.NotFound();
        }

        var today = BeijingTime.Today(clock);
        if (CarrierCapacity.Check(carrier.Kind, request.TotalPeta, request.IntelligentPeta, request.AsOf, request.Year, today) is { } refused)
        {
            return refused;
        }

        var source = StageSource.Read(request.Source, request.Quote, request.Locator, today, "公告、报道、统计");
        if (source.Problem is { } unsourced)
        {
            return unsourced;
        }

        db.Add(new CarrierCapacity
        {
            CarrierId = carrierId, AsOf = request.AsOf, Year = request.Year ?? request.AsOf!.Value.Year, TotalPeta = request.TotalPeta, IntelligentPeta = request.IntelligentPeta,
            Source = source.Value!, EnteredBy = official.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? "official",
        });
        audit.Add("carrier-capacity", "carriers", carrierId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"{request.TotalPeta}P / {request.IntelligentPeta}P");
        await db.SaveChangesAsync(cancellationToken);
        return carrier.Id;
    }
}
