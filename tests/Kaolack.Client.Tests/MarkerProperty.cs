using Kaolack.Contracts.Plans;

namespace Kaolack.Client.Tests;

/// <summary>
/// What the markers of <see cref="RandomEditor"/> prove about a final document: every marker whose op the
/// server acknowledged is there exactly once unless its entity was deleted, and no marker is there that was
/// never acknowledged (nothing lost, nothing applied twice, nothing dropped that reappears).
/// </summary>
public static class MarkerProperty
{
    public static (int Present, int Acked) Check(PlanModel final, IReadOnlyList<(RandomEditor Editor, IReadOnlySet<string> Acked)> clients)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(clients);
        var acked = clients.SelectMany(c => c.Acked).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in final.Entities.Values)
        {
            foreach (var field in PlanFields.Texts(entity.Kind))
            {
                foreach (var match in RandomEditor.Marker().Matches(final.Text(entity.Kind, entity.Id, field)).Select(m => m.Value))
                {
                    seen[match] = seen.GetValueOrDefault(match) + 1;
                }
            }
        }
        foreach (var (marker, count) in seen)
        {
            Assert.True(count == 1, $"{marker} appears {count} times");
            Assert.True(acked.Contains(marker), $"{marker} is in the document but was never acknowledged");
        }
        var expected = 0;
        foreach (var (editor, ackedByClient) in clients)
        {
            foreach (var marker in ackedByClient)
            {
                var (kind, id, field) = editor.Markers[marker];
                if (final.Find(kind, id) is not null)
                {
                    expected++;
                    Assert.True(final.Text(kind, id, field).Contains(marker, StringComparison.Ordinal), $"acknowledged {marker} is missing from {kind} {id} {field}");
                }
            }
        }
        return (seen.Count, expected);
    }
}
