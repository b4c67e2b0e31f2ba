using System.Collections.Immutable;
using System.Globalization;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Text;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// The plan's rules as pure functions: op validation, transformation of a late op over ops applied
/// since its base version, and application to the model. Scalars are last-writer-wins in server order;
/// text fields are transformed with ot-text-unicode semantics; ops on deleted entities are dropped.
/// The server's sequencer (<see cref="PlanSequencer"/>) and every .NET client apply ops with these same functions.
/// </summary>
public static class PlanRules
{
    public const int MaxEntitiesPerKind = 500;
    public const int MaxIdLength = 40;
    public const int MaxOrderLength = 64;
    public const int MaxScalarLength = 200;
    /// <summary>Longest text field, in code points (a plan of several hundred KB in all stays well inside).</summary>
    public const int MaxTextLength = 100_000;
    /// <summary>Largest single insert, in code points.</summary>
    public const int MaxInsertLength = 20_000;

    /// <summary>Longest client session id of a submission.</summary>
    public const int MaxClientIdLength = 64;

    /// <summary>
    /// Largest document, in UTF-16 characters of its ids, order keys and fields (<see cref="Size(PlanEntity?)"/>): a
    /// long plan is a few hundred thousand. Without it, the per-field and per-kind limits would let one editor grow a
    /// plan past a hundred megabytes; an op that would cross it is refused with rule <see cref="SizeLimitRule"/>.
    /// </summary>
    public const int MaxDocumentSize = 1_000_000;

    /// <summary>The rule of an op refused because the plan would grow past <see cref="MaxDocumentSize"/>.</summary>
    public const string SizeLimitRule = "plan-size-limit";

    /// <summary>Refuses a malformed submission (client id, seq, base version, then its op) with field-level messages.</summary>
    public static void ValidateSubmission(PlanSubmission? submission)
    {
        if (submission is null)
        {
            throw new ValidationFailedException("submission", "Soumission manquante.");
        }
        var v = new Validation();
        if (string.IsNullOrEmpty(submission.ClientId) || submission.ClientId.Length > MaxClientIdLength)
        {
            v.Add("clientId", $"Identifiant de client attendu ({MaxClientIdLength} caractères au plus).");
        }
        v.Range("seq", submission.Seq, 1, long.MaxValue);
        v.Range("baseVersion", submission.BaseVersion, 0, long.MaxValue);
        v.ThrowIfInvalid();
        Validate(submission.Op);
    }

    /// <summary>Refuses malformed ops with field-level messages; says nothing about the current document.</summary>
    public static void Validate(PlanOp? op)
    {
        var v = new Validation();
        if (op is null)
        {
            throw new ValidationFailedException("op", "Opération manquante.");
        }
        v.Defined("op.type", op.Type);
        v.Defined("op.kind", op.Kind);
        if (!IsId(op.Id))
        {
            v.Add("op.id", $"Identifiant attendu : {MaxIdLength} caractères au plus, lettres, chiffres, - et _.");
        }
        v.ThrowIfInvalid();
        switch (op.Type)
        {
            case PlanOpType.Add:
                RequireOrder(v, op.Order);
                foreach (var (field, value) in op.Fields ?? ImmutableDictionary<string, string>.Empty)
                {
                    if (PlanFields.Texts(op.Kind).Contains(field))
                    {
                        CheckText(v, $"op.fields.{field}", value);
                    }
                    else
                    {
                        CheckScalar(v, op.Kind, field, value);
                    }
                }
                break;
            case PlanOpType.Move:
                RequireOrder(v, op.Order);
                break;
            case PlanOpType.Set:
                CheckScalar(v, op.Kind, op.Field ?? "", op.Value);
                break;
            case PlanOpType.Text:
                if (op.Field is null || !PlanFields.Texts(op.Kind).Contains(op.Field))
                {
                    v.Add("op.field", "Champ de texte attendu : body (section) ou notes (tâche).");
                }
                if (op.Text is null)
                {
                    v.Add("op.text", "Opération de texte manquante.");
                }
                else if (op.Text.Components.Any(c => c.Kind == TextOpComponentKind.Insert && c.Length > MaxInsertLength))
                {
                    v.Add("op.text", $"Insertion trop longue ({MaxInsertLength} caractères au plus).");
                }
                break;
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Rebases <paramref name="op"/> over <paramref name="other"/>, both made on the same document. Only text edits of
    /// the same field change. The server rebases a late op over one applied since its base on the <see cref="Side.Left"/>
    /// (its inserts come first at the same position), as in ShareDB; a client rebases the server's op over its own
    /// pending one on the <see cref="Side.Right"/>, so both ends order ties alike.
    /// </summary>
    public static PlanOp Transform(PlanOp op, PlanOp other, Side side = Side.Left)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(other);
        return op.Type == PlanOpType.Text && other.Type == PlanOpType.Text
            && op.Kind == other.Kind && op.Id == other.Id && op.Field == other.Field
                ? op with { Text = TextOt.Transform(op.Text!, other.Text!, side) }
                : op;
    }

    /// <summary>The model with the op applied, or the reason it was dropped (the model unchanged).</summary>
    /// <exception cref="ValidationFailedException">A text op does not fit the field's text, or makes it too long.</exception>
    /// <exception cref="RuleViolationException">An add past <see cref="MaxEntitiesPerKind"/> ("plan-entity-limit").</exception>
    public static (PlanModel Model, string? Dropped) Apply(PlanModel model, PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(op);
        var key = PlanModel.Key(op.Kind, op.Id);
        if (model.Deleted.Contains(key))
        {
            return (model, PlanDropReasons.EntityDeleted);
        }
        var entity = model.Find(op.Kind, op.Id);
        if (op.Type == PlanOpType.Add)
        {
            if (entity is not null)
            {
                return (model, PlanDropReasons.EntityExists);
            }
            if (model.Count(op.Kind) >= MaxEntitiesPerKind)
            {
                throw new RuleViolationException("plan-entity-limit", $"{MaxEntitiesPerKind} éléments de ce type au plus par plan.");
            }
            var fields = (op.Fields ?? ImmutableDictionary<string, string>.Empty).Where(f => f.Value.Length > 0).ToImmutableDictionary();
            return (model with { Entities = model.Entities.SetItem(key, new PlanEntity(op.Kind, op.Id, op.Order!, fields)) }, null);
        }
        if (entity is null)
        {
            return (model, PlanDropReasons.EntityMissing);
        }
        return op.Type switch
        {
            PlanOpType.Delete => (model with { Entities = model.Entities.Remove(key), Deleted = model.Deleted.Add(key) }, null),
            PlanOpType.Move => (With(model, key, entity with { Order = op.Order! }), null),
            PlanOpType.Set => (With(model, key, entity with
            {
                Fields = string.IsNullOrEmpty(op.Value) ? entity.Fields.Remove(op.Field!) : entity.Fields.SetItem(op.Field!, op.Value),
            }), null),
            _ => (With(model, key, entity with { Fields = entity.Fields.SetItem(op.Field!, ApplyText(entity, op)) }), null),
        };
    }

    /// <summary>What an entity weighs against <see cref="MaxDocumentSize"/>: its id, order key, field names and values.</summary>
    public static long Size(PlanEntity? entity) =>
        entity is null ? 0 : entity.Id.Length + entity.Order.Length + entity.Fields.Sum(f => (long)f.Key.Length + f.Value.Length);

    public static long Size(PlanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Entities.Values.Sum(Size);
    }

    /// <summary>How much <paramref name="op"/>, applied to <paramref name="before"/> giving <paramref name="after"/>, changed the document's size.</summary>
    public static long SizeChange(PlanModel before, PlanModel after, PlanOp op)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var key = PlanModel.Key(op);
        return Size(after.Entities.GetValueOrDefault(key)) - Size(before.Entities.GetValueOrDefault(key));
    }

    /// <summary>Refuses a change that grows a document of <paramref name="size"/> past <see cref="MaxDocumentSize"/> (shrinking always passes).</summary>
    /// <exception cref="RuleViolationException"><see cref="SizeLimitRule"/>.</exception>
    public static void RequireRoom(long size, long growth)
    {
        if (growth > 0 && size + growth > MaxDocumentSize)
        {
            throw new RuleViolationException(SizeLimitRule,
                $"Le plan dépasserait {MaxDocumentSize.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères : raccourcissez-le ou partagez-le en plusieurs projets.");
        }
    }

    private static string ApplyText(PlanEntity entity, PlanOp op)
    {
        var current = entity.Fields.GetValueOrDefault(op.Field!, "");
        string next;
        try
        {
            next = TextOt.Apply(current, op.Text!);
        }
        catch (TextOpException exception)
        {
            throw new ValidationFailedException("op.text", $"Opération de texte incompatible avec le document : {exception.Message}");
        }
        if (CodePoints.Count(next) > MaxTextLength)
        {
            throw new ValidationFailedException("op.text", $"Texte trop long ({MaxTextLength} caractères au plus).");
        }
        return next;
    }

    private static PlanModel With(PlanModel model, string key, PlanEntity entity) => model with { Entities = model.Entities.SetItem(key, entity) };

    /// <summary>Letters, digits, - and _, at most <see cref="MaxIdLength"/>: what entity ids are made of.</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void RequireOrder(Validation v, string? order)
    {
        if (string.IsNullOrEmpty(order) || order.Length > MaxOrderLength || !order.All(char.IsAsciiLetterOrDigit))
        {
            v.Add("op.order", $"Clé d'ordre attendue : {MaxOrderLength} lettres ou chiffres au plus.");
        }
    }

    private static void CheckText(Validation v, string field, string value)
    {
        if (CodePoints.Count(value) > MaxTextLength)
        {
            v.Add(field, $"Texte trop long ({MaxTextLength} caractères au plus).");
        }
    }

    private static void CheckScalar(Validation v, PlanEntityKind kind, string field, string? value)
    {
        if (!PlanFields.Scalars(kind).Contains(field))
        {
            v.Add("op.field", $"Champ inconnu pour ce type : {string.Join(", ", PlanFields.Scalars(kind))}.");
            return;
        }
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        v.MaxLength($"op.{field}", value, MaxScalarLength);
        if (field == PlanFields.DueDate && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            v.Add($"op.{field}", "Date attendue au format AAAA-MM-JJ.");
        }
        if (field == PlanFields.Status && !PlanFields.Statuses(kind).Contains(value))
        {
            v.Add($"op.{field}", $"Statut attendu : {string.Join(", ", PlanFields.Statuses(kind))}.");
        }
        if (field == PlanFields.OwnerRegion && value is not ("kaolack" or "oriental"))
        {
            v.Add($"op.{field}", "Région attendue : kaolack ou oriental.");
        }
    }
}
