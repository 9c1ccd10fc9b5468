using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios;

/// <summary>An official creates a docking event (对接活动) to invite demands and vendors to.</summary>
public sealed class CreateDockingEvent(InnoClusterDbContext db, TimeProvider clock)
{
    /// <summary>A docking event (对接活动): a title and a date are required.</summary>
    public async Task<Result<int>> RunAsync(string? title, DateOnly? date, string? place, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
        {
            errors.Add(new FieldError("title", "活动名称不能为空，且不超过 300 字 (required, at most 300 characters)"));
        }

        if (date is null)
        {
            errors.Add(new FieldError("date", "请填写活动日期 (required)"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var e = new DockingEvent { Title = title!.Trim(), Date = date!.Value, Place = DockingRules.Note(place), CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow() };
        db.Add(e);
        await db.SaveChangesAsync(cancellationToken);
        return e.Id;
    }
}
