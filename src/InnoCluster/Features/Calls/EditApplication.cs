using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The firm fills in its draft (or corrects a returned application): project title, partners, the form's
/// answers and its files, and for a talent programme the candidate. Files are the firm's own uploads (POST /api/me/files), each for one of the form's
/// attachments. Unknown fields, someone else's file or an over-long answer are refused by name.
/// </summary>
public sealed class EditApplication(InnoClusterDbContext db, CallRecords records, Registry.IRegistryDirectory registry, TimeProvider clock)
{
    public sealed record FileRef(string Key, Guid FileId);

    public sealed record Request(string? ProjectTitle, IReadOnlyList<string>? Partners, IReadOnlyDictionary<string, string?>? Answers, IReadOnlyList<FileRef>? Files, CandidateInput? Candidate = null);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        var (application, call) = (loaded.Application, loaded.Call);
        if (actor.EnterpriseId != application.EnterpriseId)
        {
            return Problem.Forbidden("只有申报企业可以填写申报 / only the applying firm fills in its application");
        }

        if (!application.IsEditable)
        {
            return Problem.Conflict("已提交的申报不能修改 / a submitted application cannot be changed");
        }

        var errors = new List<FieldError>();
        if (request.ProjectTitle is { } title && title.Trim().Length > 300)
        {
            errors.Add(new("projectTitle", "项目名称不超过300字 / at most 300 characters"));
        }

        var partners = (request.Partners ?? application.Partners).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (partners.Count > 20 || partners.Any(p => p.Length > 200))
        {
            errors.Add(new("partners", "联合申报单位最多20个，每个不超过200字 / at most 20 partners of at most 200 characters"));
        }

        var answers = application.Answers.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        foreach (var (key, value) in request.Answers ?? new Dictionary<string, string?>())
        {
            if (call.Fields.FirstOrDefault(f => f.Key == key) is not { } field)
            {
                errors.Add(new($"answers.{key}", $"申报表中没有“{key}” / the form has no field “{key}”"));
            }
            else if (value is { } text && text.Trim().Length > field.MaxLength)
            {
                errors.Add(new($"answers.{key}", $"“{field.Label}”超过{field.MaxLength}字 / “{field.Label}” is longer than {field.MaxLength} characters"));
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                answers.Remove(key);
            }
            else
            {
                answers[key] = value.Trim();
            }
        }

        var files = application.Files.ToList();
        if (request.Files is { } given)
        {
            var ids = given.Select(f => f.FileId).ToList();
            var owned = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.OwnerId == actor.UserId).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
            files = [];
            foreach (var file in given)
            {
                if (call.Attachments.All(a => a.Key != file.Key))
                {
                    errors.Add(new($"files.{file.Key}", $"申报表没有附件“{file.Key}” / the form asks for no attachment “{file.Key}”"));
                }
                else if (!owned.TryGetValue(file.FileId, out var name))
                {
                    errors.Add(new($"files.{file.Key}", "文件不存在或不是您上传的 / no such file among your uploads"));
                }
                else
                {
                    files.Add(new AttachedFile(file.Key, file.FileId, name));
                }
            }
        }

        var candidate = request.Candidate is { } input
            ? TalentCandidate.Read(input, call, (await registry.ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Code, n => n.Id, StringComparer.Ordinal), errors)
            : application.Candidate;
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        application.Candidate = candidate;

        application.ProjectTitle = request.ProjectTitle?.Trim() ?? application.ProjectTitle;
        application.Partners = partners;
        application.Answers = [.. call.Fields.Where(f => answers.ContainsKey(f.Key)).Select(f => new FieldAnswer(f.Key, answers[f.Key]!))];
        application.Files = files;
        application.Record("edit", actor, clock.GetUtcNow(), null);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
