using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Workspace.Pages;

/// <summary>How a person gets mail: the daily digest (default), weekly, or none.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SettingsModel(MailSettings settings) : PageModel
{
    public MailSettings.View Current { get; private set; } = null!;

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await settings.GetAsync(User.UserId()!, cancellationToken);

    public async Task OnPostAsync(string? frequency, CancellationToken cancellationToken)
    {
        var set = await settings.SetAsync(User.UserId()!, new(frequency), cancellationToken);
        Problem = set.Problem?.Text;
        Message = set.Problem is null ? Ui.L("已保存。", "Saved.") : null;
        Current = await settings.GetAsync(User.UserId()!, cancellationToken);
    }

    public static string Words(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => Ui.L("每日汇总（默认）：每天一封，列出新消息；截止提醒和审核结果即时发送", "Daily digest (default): one mail a day with the new notices; deadlines and decisions at once"),
        DigestFrequency.Weekly => Ui.L("每周汇总：每周一一封；截止提醒和审核结果即时发送", "Weekly digest: one mail each Monday; deadlines and decisions at once"),
        _ => Ui.L("不接收邮件：消息只在工作台显示", "No mail: notices only in the workspace"),
    };
}
