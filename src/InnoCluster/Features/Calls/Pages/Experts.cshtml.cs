using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>The office's expert pool: who reviews, their fields and declared interests, and their load.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ExpertsModel(ListExperts list, SaveExpert save) : PageModel
{
    public IReadOnlyList<ListExperts.Item> Items { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Affiliation { get; set; }

    [BindProperty]
    public string? Fields { get; set; }

    [BindProperty]
    public string? Interests { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await list.RunAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var fields = (Fields ?? "").Split([' ', ',', '，', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var saved = await save.RunAsync(new SaveExpert.Request(Email, Name, Affiliation, fields, ReadInterests(Interests), true), cancellationToken);
        if (saved.Problem is { } problem)
        {
            (Problem, Errors) = (problem.Text, problem.AsFieldErrors());
        }
        else
        {
            Message = Ui.L($"已保存专家 {saved.Value!.Name}。", $"Expert {saved.Value!.Name} saved.");
            (Email, Name, Affiliation, Fields, Interests) = (null, null, null, null, null);
        }

        Items = await list.RunAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>"单位 关系 [年份]" per line: 任职, 持股, 合作项目, 亲属, 其他.</summary>
    public static IReadOnlyList<DeclaredInterest> ReadInterests(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            int? year = parts.Length >= 3 && int.TryParse(parts[^1], out var y) ? y : null;
            var kindWord = year is null ? (parts.Length >= 2 ? parts[^1] : "") : parts[^2];
            var kind = kindWord switch { "任职" => InterestKind.Employment, "持股" => InterestKind.Shareholding, "合作项目" or "合作" => InterestKind.JointProject, "亲属" => InterestKind.Relative, _ => (InterestKind?)null };
            var words = kind is null ? parts : parts[..^(year is null ? 1 : 2)];
            return new DeclaredInterest(string.Join(' ', words), kind ?? InterestKind.Other, year);
        })];
}
