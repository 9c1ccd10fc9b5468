using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry.Import;

/// <summary>Which column fills which field: the Chinese headers recognised, or a saved mapping's columns.</summary>
internal static class ImportColumns
{
    public static (List<ColumnBinding> Bindings, string? Error) Bind(IReadOnlyList<string> headers, ImportMapping? mapping)
    {
        var bindings = new List<ColumnBinding>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            ColumnBinding binding;
            if (mapping is not null)
            {
                var entry = mapping.Columns.FirstOrDefault(c => string.Equals(ImportHeaders.Normalize(c.Key), ImportHeaders.Normalize(header), StringComparison.OrdinalIgnoreCase));
                if (entry.Key is null)
                {
                    continue;
                }

                var parts = entry.Value.Split(':', 2);
                if (!Enum.TryParse<ImportField>(parts[0], ignoreCase: true, out var field))
                {
                    return ([], $"列映射中的字段“{parts[0]}”未知 / the mapping names an unknown field '{parts[0]}'");
                }

                binding = new ColumnBinding(i, header, field, parts.Length > 1 ? ImportHeaders.MoneyFactor(parts[1]) : 1);
            }
            else
            {
                binding = ImportHeaders.Recognise(i, header);
            }

            if (binding.Field == ImportField.Ignore)
            {
                continue;
            }

            if (bindings.Any(b => b.Field == binding.Field))
            {
                return ([], $"两列都对应“{binding.Field}”：{bindings.First(b => b.Field == binding.Field).Header} 与 {header} / two columns fill the same field");
            }

            bindings.Add(binding);
        }

        if (bindings.All(b => b.Field != ImportField.Name))
        {
            return ([], "缺少“企业名称”列 / the file has no 企业名称 (enterprise name) column" + (mapping is null ? "；列名可用：企业名称、统一社会信用代码、所属板块、产业链环节、企业梯队/类型、成立日期、营业收入(万元)、研发投入(万元)、从业人数、年度" : string.Empty));
        }

        return (bindings, null);
    }
}
