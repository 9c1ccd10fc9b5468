using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>The reported figures as pages and the API show them, each with the link to its sentence.</summary>
[FeatureContract]
public sealed class ListReportedFigures(InnoClusterDbContext db)
{
    public sealed record Figure(string Key, string Label, string LabelEn, string Scope, decimal Value, string Unit, int? Year, int DocumentId, string DocumentTitle, string Quote, string Link);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken) =>
        [.. (await (from f in db.Set<ReportedFigure>().AsNoTracking()
                    join d in db.Set<Document>() on f.DocumentId equals d.Id
                    orderby f.Id
                    select new { f, d.Title }).ToListAsync(cancellationToken))
            .Select(x => new Figure(x.f.Key, x.f.Label, x.f.LabelEn, x.f.Scope, x.f.Value, x.f.Unit, x.f.Year, x.f.DocumentId, x.Title, x.f.Quote,
                DocumentLinks.At(x.f.DocumentId, x.f.QuoteStart, x.f.QuoteStart + x.f.Quote.Length)))];
}
