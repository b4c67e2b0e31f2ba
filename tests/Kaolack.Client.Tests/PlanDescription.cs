using System.Text;
using Kaolack.Contracts.Plans;

namespace Kaolack.Client.Tests;

/// <summary>A plan as canonical text: one line per entity in document order, fields sorted by name. Equal texts, equal plans.</summary>
public static class PlanDescription
{
    public static string Of(PlanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Of(model.ToDocument());
    }

    public static string Of(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        foreach (var entity in document.Sections.Concat(document.Milestones).Concat(document.Tasks))
        {
            text.Append(entity.Kind).Append(' ').Append(entity.Id).Append(" @").Append(entity.Order);
            foreach (var (field, value) in entity.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append(" | ").Append(field).Append('=').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
