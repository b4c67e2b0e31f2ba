using System.Collections.Immutable;
using System.Text;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Client;

/// <summary>
/// An immutable plan document on the client: entities by kind and id, scalar and text fields as strings.
/// <see cref="TryApply"/> follows the server's rules (PlanRules.Apply) without its size limits: ops on a
/// missing entity and adds of an existing one are dropped, an empty value clears a field.
/// </summary>
public sealed class PlanDocumentModel
{
    private readonly ImmutableDictionary<string, PlanEntity> entities;

    private PlanDocumentModel(ImmutableDictionary<string, PlanEntity> entities) => this.entities = entities;

    public static PlanDocumentModel Empty { get; } = new(ImmutableDictionary.Create<string, PlanEntity>(StringComparer.Ordinal));

    public int Count => entities.Count;

    public IEnumerable<PlanEntity> Entities => entities.Values;

    /// <summary>The key of an entity: "{kind}/{id}", as on the server.</summary>
    public static string Key(PlanEntityKind kind, string id) => $"{kind}/{id}";

    public static string Key(PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Key(op.Kind, op.Id);
    }

    public static PlanDocumentModel From(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = ImmutableDictionary.CreateBuilder<string, PlanEntity>(StringComparer.Ordinal);
        foreach (var entity in document.Sections.Concat(document.Milestones).Concat(document.Tasks))
        {
            builder[Key(entity.Kind, entity.Id)] = entity;
        }
        return new PlanDocumentModel(builder.ToImmutable());
    }

    public PlanEntity? Find(PlanEntityKind kind, string id) => entities.GetValueOrDefault(Key(kind, id));

    public bool Contains(string key) => entities.ContainsKey(key);

    /// <summary>The entities of a kind in document order (order key, then id, both ordinal).</summary>
    public IReadOnlyList<PlanEntity> Ordered(PlanEntityKind kind) =>
        [.. entities.Values.Where(e => e.Kind == kind).OrderBy(e => e.Order, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>A text field's content ("" when unset).</summary>
    public string Text(PlanEntityKind kind, string id, string field) =>
        Find(kind, id)?.Fields.GetValueOrDefault(field, "") ?? "";

    public PlanDocument ToDocument() => new([.. Ordered(PlanEntityKind.Section)], [.. Ordered(PlanEntityKind.Milestone)], [.. Ordered(PlanEntityKind.Task)]);

    /// <summary>The document with the op applied, or false and the reason it is dropped (the same reasons as the server's).</summary>
    /// <exception cref="TextOpException">A text op does not fit the field's text.</exception>
    public bool TryApply(PlanOp op, out PlanDocumentModel next, out string? dropped)
    {
        ArgumentNullException.ThrowIfNull(op);
        next = this;
        dropped = null;
        var key = Key(op);
        var entity = entities.GetValueOrDefault(key);
        if (op.Type == PlanOpType.Add)
        {
            if (entity is not null)
            {
                dropped = PlanDropReasons.EntityExists;
                return false;
            }
            var fields = (op.Fields ?? ImmutableDictionary<string, string>.Empty).Where(f => f.Value.Length > 0).ToImmutableDictionary();
            next = new PlanDocumentModel(entities.SetItem(key, new PlanEntity(op.Kind, op.Id, op.Order ?? "", fields)));
            return true;
        }
        if (entity is null)
        {
            dropped = PlanDropReasons.EntityMissing;
            return false;
        }
        next = op.Type switch
        {
            PlanOpType.Delete => new PlanDocumentModel(entities.Remove(key)),
            PlanOpType.Move => With(key, entity with { Order = op.Order ?? entity.Order }),
            PlanOpType.Set => With(key, entity with
            {
                Fields = string.IsNullOrEmpty(op.Value) ? entity.Fields.Remove(op.Field ?? "") : entity.Fields.SetItem(op.Field ?? "", op.Value),
            }),
            _ => With(key, entity with
            {
                Fields = entity.Fields.SetItem(op.Field ?? "", TextOt.Apply(entity.Fields.GetValueOrDefault(op.Field ?? "", ""), op.Text ?? TextOp.Empty)),
            }),
        };
        return true;
    }

    /// <summary>The document without the entity (used for entities the server is known to have deleted).</summary>
    public PlanDocumentModel Without(string key) => entities.ContainsKey(key) ? new PlanDocumentModel(entities.Remove(key)) : this;

    /// <summary>Same entities with the same order keys and fields (field order does not matter).</summary>
    public bool ContentEquals(PlanDocumentModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Describe() == other.Describe();
    }

    /// <summary>A canonical text form: one line per entity in document order, fields sorted by name.</summary>
    public string Describe() => Describe(ToDocument());

    /// <inheritdoc cref="Describe()"/>
    public static string Describe(PlanDocument document)
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

    private PlanDocumentModel With(string key, PlanEntity entity) => new(entities.SetItem(key, entity));
}
