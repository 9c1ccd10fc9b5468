using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnoCluster.Infrastructure.Data;

internal sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
