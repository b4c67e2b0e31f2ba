using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Kaolack.Api.Tests.Wire;

/// <summary>A named value exported as a TypeScript constant; <see cref="TypeName"/> also names the union of an array's items.</summary>
public sealed record WireConstant(string Name, object Value, string? TypeName = null);

/// <summary>
/// Writes TypeScript declarations of wire types as JSON options serialize them, read from System.Text.Json's own
/// contract metadata: member names after the naming policy, member types, nullability from the C# annotations. Enums
/// become a const array of their JSON names and the union of it; polymorphic types a union of their derived types, each
/// with its discriminator first. Types written by a converter of their own are named from <see cref="ConvertedTypes"/>.
/// </summary>
public sealed partial class TypeScriptContract
{
    private readonly JsonSerializerOptions json;
    private readonly IReadOnlyDictionary<Type, (string Name, string Module)> convertedTypes;
    private readonly SortedDictionary<string, Type> declared = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, (string Property, string Value)> discriminators = [];
    private readonly SortedSet<string> imports = new(StringComparer.Ordinal);

    /// <param name="convertedTypes">Types with a converter of their own: the TypeScript type and the module that declares it.</param>
    public TypeScriptContract(JsonSerializerOptions json, IReadOnlyDictionary<Type, (string Name, string Module)> convertedTypes)
    {
        this.json = json;
        this.convertedTypes = convertedTypes;
    }

    /// <summary>The module: imports, enums, then interfaces and unions (each sorted by name), then the constants in the order given.</summary>
    public string Write(string header, IEnumerable<Type> roots, IEnumerable<WireConstant> constants)
    {
        foreach (var root in roots)
        {
            Reference(root);
        }
        var enums = new StringBuilder();
        var types = new StringBuilder();
        foreach (var (name, type) in declared)
        {
            if (type.IsEnum)
            {
                WriteEnum(enums, name, type);
            }
            else
            {
                WriteObject(types, name, type);
            }
        }
        var module = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            module.Append("// ").Append(line).Append('\n');
        }
        module.Append('\n');
        foreach (var import in imports)
        {
            module.Append(import).Append('\n');
        }
        if (imports.Count > 0)
        {
            module.Append('\n');
        }
        module.Append(enums).Append(types);
        foreach (var constant in constants)
        {
            WriteConstant(module, constant);
        }
        return module.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The TypeScript type of <paramref name="type"/>; named types are declared on the way.</summary>
    private string Reference(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return $"{Reference(underlying)} | null";
        }
        if (convertedTypes.TryGetValue(type, out var converted))
        {
            imports.Add($"import type {{ {converted.Name} }} from \"{converted.Module}\";");
            return converted.Name;
        }
        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }
        if (type.IsEnum)
        {
            return Declare(type);
        }
        var info = json.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return $"readonly {Parenthesized(Reference(ElementType(type)))}[]";
            case JsonTypeInfoKind.Dictionary:
                var (key, value) = KeyValueTypes(type);
                return key == typeof(string)
                    ? $"Readonly<Record<string, {Reference(value)}>>"
                    : key.IsEnum
                        ? $"Readonly<Partial<Record<{Reference(key)}, {Reference(value)}>>>"
                        : throw new NotSupportedException($"{type}: dictionary keys must be strings or enums.");
            case JsonTypeInfoKind.Object:
                return Declare(type);
            default:
                throw new NotSupportedException($"{type} is written by a converter of its own: name its TypeScript type among the converted types.");
        }
    }

    private static string? Primitive(Type type)
    {
        if (type == typeof(string) || type == typeof(char) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return "string";
        }
        if (type == typeof(bool))
        {
            return "boolean";
        }
        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonNode))
        {
            return "unknown";
        }
        return Type.GetTypeCode(type) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal && !type.IsEnum
            ? "number"
            : null;
    }

    private string Declare(Type type)
    {
        if (type.IsGenericType)
        {
            throw new NotSupportedException($"{type}: generic wire types have no TypeScript name; use a closed record.");
        }
        var name = type.Name;
        if (declared.TryGetValue(name, out var existing))
        {
            return existing == type ? name : throw new InvalidOperationException($"{existing} and {type} would both be the TypeScript type {name}.");
        }
        declared.Add(name, type);
        if (!type.IsEnum)
        {
            // Reference every member's type now, so that everything reachable is declared before writing.
            var info = json.GetTypeInfo(type);
            if (info.PolymorphismOptions is { } polymorphism)
            {
                foreach (var derived in polymorphism.DerivedTypes)
                {
                    discriminators[derived.DerivedType] = (polymorphism.TypeDiscriminatorPropertyName, $"{derived.TypeDiscriminator}");
                    Declare(derived.DerivedType);
                }
            }
            foreach (var property in WireProperties(info))
            {
                MemberType(property);
            }
        }
        return name;
    }

    private string MemberType(JsonPropertyInfo property)
    {
        if (property.IsExtensionData)
        {
            throw new NotSupportedException($"{property.DeclaringType}.{property.Name}: extension data has no fixed shape.");
        }
        var type = Reference(property.PropertyType);
        return !property.PropertyType.IsValueType && property.IsGetNullable && type != "unknown" ? $"{type} | null" : type;
    }

    private static void WriteEnum(StringBuilder module, string name, Type type)
    {
        var converter = type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;
        if (converter is null || !(converter == typeof(JsonStringEnumConverter) || converter.IsGenericType && converter.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>)))
        {
            throw new NotSupportedException($"{type} has no [JsonConverter(typeof(JsonStringEnumConverter<{type.Name}>))]: it would be written as a number.");
        }
        var values = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
        var constant = $"{ConstantCase(name)}_VALUES";
        module.Append($"export const {constant} = [{string.Join(", ", values.Select(Quote))}] as const;\n");
        module.Append($"export type {name} = (typeof {constant})[number];\n\n");
    }

    private void WriteObject(StringBuilder module, string name, Type type)
    {
        var info = json.GetTypeInfo(type);
        if (info.PolymorphismOptions is { } polymorphism)
        {
            module.Append($"export type {name} =\n");
            foreach (var derived in polymorphism.DerivedTypes)
            {
                module.Append($"  | {derived.DerivedType.Name}\n");
            }
            module.Length--;
            module.Append(";\n\n");
            return;
        }
        module.Append($"export interface {name} {{\n");
        if (discriminators.TryGetValue(type, out var discriminator))
        {
            module.Append($"  readonly {discriminator.Property}: {Quote(discriminator.Value)};\n");
        }
        foreach (var property in WireProperties(info))
        {
            module.Append(property.ShouldSerialize is null
                ? $"  readonly {property.Name}: {MemberType(property)};\n"
                : $"  readonly {property.Name}?: {OmittedMemberType(property)};\n");
        }
        module.Append("}\n\n");
    }

    /// <summary>The members that cross the wire: [JsonIgnore] ones stay in the metadata without accessors.</summary>
    private static IEnumerable<JsonPropertyInfo> WireProperties(JsonTypeInfo info) => info.Properties.Where(p => p.Get is not null || p.Set is not null);

    /// <summary>A member left out of the JSON when null (or default): absent rather than null on the wire.</summary>
    private string OmittedMemberType(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>().FirstOrDefault()?.Condition switch
        {
            JsonIgnoreCondition.WhenWritingNull => Reference(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType),
            JsonIgnoreCondition.WhenWritingDefault => MemberType(property),
            _ => throw new NotSupportedException($"{property.DeclaringType}.{property.Name}: only [JsonIgnore] conditions say when a member is left out."),
        };

    private static void WriteConstant(StringBuilder module, WireConstant constant)
    {
        var literal = Literal(JsonSerializer.SerializeToNode(constant.Value, ConstantJson), "");
        module.Append($"export const {constant.Name} = {literal} as const;\n");
        if (constant.TypeName is { } typeName)
        {
            module.Append($"export type {typeName} = (typeof {constant.Name})[number];\n");
        }
        module.Append('\n');
    }

    private static readonly JsonSerializerOptions ConstantJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A TypeScript literal: objects one member a line, arrays on one line while it stays short.</summary>
    private static string Literal(JsonNode? node, string indent)
    {
        const int LineLength = 120;
        var inner = indent + "  ";
        switch (node)
        {
            case JsonObject members when members.Count > 0:
                return "{\n" + string.Concat(members.Select(m => $"{inner}{Key(m.Key)}: {Literal(m.Value, inner)},\n")) + indent + "}";
            case JsonArray items:
                var line = "[" + string.Join(", ", items.Select(item => Literal(item, inner))) + "]";
                return line.Length + indent.Length <= LineLength && !line.Contains('\n', StringComparison.Ordinal)
                    ? line
                    : "[\n" + string.Concat(items.Select(item => $"{inner}{Literal(item, inner)},\n")) + indent + "]";
            default:
                return node?.ToJsonString(ConstantJson) ?? "null";
        }
    }

    /// <summary>Member names that are identifiers need no quotes.</summary>
    private static string Key(string name) => Identifier().IsMatch(name) ? name : Quote(name);

    private static Type ElementType(Type type) => type.IsArray
        ? type.GetElementType()!
        : EnumerableInterface(type, typeof(IEnumerable<>)).GetGenericArguments()[0];

    private static (Type Key, Type Value) KeyValueTypes(Type type)
    {
        var arguments = EnumerableInterface(type, typeof(IEnumerable<>)).GetGenericArguments()[0].GetGenericArguments();
        return (arguments[0], arguments[1]);
    }

    private static Type EnumerableInterface(Type type, Type definition) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type : null)
        ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)
        ?? throw new NotSupportedException($"{type} is not an {definition.Name}.");

    private static string Parenthesized(string type) => type.Contains('|', StringComparison.Ordinal) ? $"({type})" : type;

    private static string Quote(string value) => JsonSerializer.Serialize(value, ConstantJson);

    /// <summary>"ProjectStatus" → "PROJECT_STATUS".</summary>
    private static string ConstantCase(string name) => WordStart().Replace(name, "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
