using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>The reported figures as pages and the API show them, each with the link to its sentence.</summary>
[FeatureContract]
public sealed class ListReportedFigures(InnoClusterDbContext db)
{
    public sealed record Figure(string Key, string Label, string LabelEn, string Scope, decimal Value, string Unit, int? Year, int DocumentId, string DocumentTitle, string Quote, string Link)
    {
        /// <summary>
        /// The figure as an English reader reads it: counters (家, 个) say nothing in English and are dropped, sums in
        /// 亿元 / 万元 are written in million yuan, other units (P, petaflops of computing) as the source writes them.
        /// </summary>
        public string English => Unit switch
        {
            "家" or "个" => Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture),
            "亿元" => (Value * 100).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + " million yuan",
            "万元" => (Value / 100).ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture) + " million yuan",
            _ => Value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + " " + Unit,
        };
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken) =>
        [.. (await (from f in db.Set<ReportedFigure>().AsNoTracking()
                    join d in db.Set<Document>() on f.DocumentId equals d.Id
                    orderby f.Id
                    select new { f, d.Title }).ToListAsync(cancellationToken))
            .Select(x => new Figure(x.f.Key, x.f.Label, x.f.LabelEn, x.f.Scope, x.f.Value, x.f.Unit, x.f.Year, x.f.DocumentId, x.Title, x.f.Quote,
                DocumentLinks.At(x.f.DocumentId, x.f.QuoteStart, x.f.QuoteStart + x.f.Quote.Length)))];
}
