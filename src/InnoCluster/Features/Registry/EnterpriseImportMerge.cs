using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using InnoCluster.Features.Registry.Import;

namespace InnoCluster.Features.Registry;

/// <summary>What an imported row does to an enterprise, as a rule of the enterprise itself.</summary>
public sealed partial class Enterprise
{
    /// <summary>Writes the row's non-empty cells into the enterprise; true when anything changed.</summary>
    internal bool MergeImported(ParsedRow row, string fileName, DateOnly today)
    {
        var e = this;
        var changed = false;
        Provenance Source(ImportField field) =>
            row.Cells.TryGetValue(field, out var cell)
                ? Provenance.FromImport(fileName, row.Number, cell.Header, cell.Cell, today)
                : Provenance.FromImport(fileName, row.Number, "(implied by the mapping)", null, today);

        if (e.Id == 0)
        {
            e.Name = row.Name;
            e.Names.Add(new EnterpriseName { Name = row.Name, MatchKey = row.NameKey, Kind = EnterpriseNameKind.Legal, Source = Source(ImportField.Name) });
            changed = true;
        }

        if (row.CreditCode is not null && e.CreditCode != row.CreditCode)
        {
            e.CreditCode = row.CreditCode;
            changed = true;
        }

        if (row.District is not null && e.DistrictId != row.District.Id)
        {
            e.DistrictId = row.District.Id;
            e.DistrictSource = Source(ImportField.District);
            changed = true;
        }

        if (row.City is not null && e.City != row.City)
        {
            e.City = row.City;
            changed = true;
        }

        if (row.EstablishedYear is not null && (e.EstablishedYear != row.EstablishedYear || e.EstablishedOn != (row.EstablishedOn ?? e.EstablishedOn)))
        {
            e.EstablishedYear = row.EstablishedYear;
            e.EstablishedOn = row.EstablishedOn ?? e.EstablishedOn;
            e.EstablishedSource = Source(ImportField.EstablishedOn);
            changed = true;
        }

        if (row.Business is not null && e.Business != row.Business)
        {
            e.Business = row.Business;
            changed = true;
        }

        foreach (var former in row.FormerNames)
        {
            var key = NameKey.For(former);
            if (!e.Names.Exists(n => n.MatchKey == key))
            {
                e.Names.Add(new EnterpriseName { Name = former, MatchKey = key, Kind = EnterpriseNameKind.Former, Source = Source(ImportField.FormerNames) });
                changed = true;
            }
        }

        foreach (var node in row.Nodes.DistinctBy(n => n.Id))
        {
            if (!e.ChainLinks.Exists(l => l.ChainNodeId == node.Id))
            {
                e.ChainLinks.Add(new EnterpriseChainLink { ChainNodeId = node.Id, Source = Source(ImportField.ChainNodes) });
                changed = true;
            }
        }

        foreach (var tier in row.Tiers)
        {
            var existing = e.Tiers.Find(t => t.Tier == tier.Tier && (t.Level == tier.Level || tier.Level == TierLevel.Unspecified || t.Level == TierLevel.Unspecified));
            var listedOn = tier.Tier == Tier.Listed ? row.ListedOn : null;
            var securityCode = tier.Tier == Tier.Listed ? row.SecurityCode : null;
            var source = tier.Tier == Tier.Listed && row.Cells.ContainsKey(ImportField.ListedOn) ? Source(ImportField.ListedOn) : Source(ImportField.Tiers);
            if (existing is null)
            {
                e.Tiers.Add(new EnterpriseTier { Tier = tier.Tier, Level = tier.Level, Year = tier.Year, GrantedOn = listedOn, SecurityCode = securityCode, Source = source });
                changed = true;
            }
            else if ((tier.Year is not null && existing.Year != tier.Year) || (listedOn is not null && existing.GrantedOn != listedOn)
                || (securityCode is not null && existing.SecurityCode != securityCode) || (tier.Level != TierLevel.Unspecified && existing.Level != tier.Level))
            {
                existing.Year = tier.Year ?? existing.Year;
                existing.GrantedOn = listedOn ?? existing.GrantedOn;
                existing.SecurityCode = securityCode ?? existing.SecurityCode;
                existing.Level = tier.Level == TierLevel.Unspecified ? existing.Level : tier.Level;
                existing.Source = source;
                changed = true;
            }
        }

        if (row.Year is { } year && row.HasFigures)
        {
            var figure = e.Figures.Find(f => f.Year == year);
            if (figure is null)
            {
                e.Figures.Add(new YearlyFigure
                {
                    Year = year, Revenue = row.Revenue, RdSpend = row.RdSpend, Employees = row.Employees, PatentsGranted = row.PatentsGranted, PatentsValid = row.PatentsValid, Source = Source(ImportField.Year),
                });
                changed = true;
            }
            else if ((row.Revenue is not null && figure.Revenue != row.Revenue) || (row.RdSpend is not null && figure.RdSpend != row.RdSpend) || (row.Employees is not null && figure.Employees != row.Employees)
                || (row.PatentsGranted is not null && figure.PatentsGranted != row.PatentsGranted) || (row.PatentsValid is not null && figure.PatentsValid != row.PatentsValid))
            {
                figure.Revenue = row.Revenue ?? figure.Revenue;
                figure.RdSpend = row.RdSpend ?? figure.RdSpend;
                figure.Employees = row.Employees ?? figure.Employees;
                figure.PatentsGranted = row.PatentsGranted ?? figure.PatentsGranted;
                figure.PatentsValid = row.PatentsValid ?? figure.PatentsValid;
                figure.Source = Source(ImportField.Year);
                changed = true;
            }
        }

        foreach (var product in row.Products)
        {
            if (!e.Products.Exists(p => p.Name == product))
            {
                e.Products.Add(new Product { Name = product, Source = Source(ImportField.Products) });
                changed = true;
            }
        }

        return changed;
    }
}
