namespace InnoCluster.Features.Registry.Pages;

/// <summary>The project form as posted and as filled from a project.</summary>
public sealed record ProjectForm(string? Name, string? Investor, int? InvestorEnterpriseId, string? InvestorFrom, decimal? Investment, string? ChainNode, string? District, string? Place, string? ResponsibleUnit, string? Reason)
{
    public static ProjectForm Empty { get; } = new(null, null, null, null, null, null, null, null, null, null);

    public SaveProject.Request ToRequest() => new(Name, InvestorEnterpriseId is null ? Investor : null, InvestorEnterpriseId, InvestorFrom, Investment, ChainNode, District, Place, ResponsibleUnit, Reason);

    public static ProjectForm Of(ListProjects.Item p) =>
        new(p.Name, p.InvestorFirm is null ? p.Investor : null, p.InvestorFirm?.Id, p.InvestorFrom, p.Investment, p.ChainNode?.Code, p.District?.Code, p.Place, p.ResponsibleUnit, p.Reason);
}
