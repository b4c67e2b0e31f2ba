using System.Text.Json.Serialization;
using Kaolack.Contracts.Wire;

namespace Kaolack.Api.Tests.Wire;

/// <summary>What the contract writer makes of each kind of member, on types of its own (an enum member without a JSON name keeps its C# name, as the converter writes it).</summary>
public sealed class TypeScriptContractTests
{
    [Fact]
    public void Members_keep_their_JSON_names_types_and_nullability()
    {
        var module = Write(typeof(Sample));

        Assert.Contains("""
            export interface Sample {
              readonly name: string;
              readonly count: number;
              readonly note: string | null;
              readonly due: string | null;
              readonly tags: readonly string[];
              readonly fields: Readonly<Record<string, number>>;
              readonly colour: SampleColour;
              readonly hint?: string;
            }
            """, module, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", module, StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_are_their_JSON_names_and_a_union_of_them()
    {
        Assert.Contains("""
            export const SAMPLE_COLOUR_VALUES = ["deep-red", "Blue"] as const;
            export type SampleColour = (typeof SAMPLE_COLOUR_VALUES)[number];
            """, Write(typeof(Sample)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_polymorphic_type_is_a_union_discriminated_by_its_type_member()
    {
        var module = Write(typeof(SampleCommand));

        Assert.Contains("export type SampleCommand =\n  | SampleStart\n  | SampleMove;", module, StringComparison.Ordinal);
        Assert.Contains("export interface SampleMove {\n  readonly type: \"move\";\n  readonly to: number;\n}", module, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_written_as_a_number_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => Write(typeof(NumberedEnumHolder)));
    }

    private static string Write(Type root) => new TypeScriptContract(WireJson.Options, new Dictionary<Type, (string, string)>()).Write("header", [root], []);

    [JsonConverter(typeof(JsonStringEnumConverter<SampleColour>))]
    public enum SampleColour
    {
        [JsonStringEnumMemberName("deep-red")] DeepRed,
        Blue,
    }

    public sealed record Sample(
        string Name,
        int Count,
        string? Note,
        DateOnly? Due,
        string[] Tags,
        Dictionary<string, int> Fields,
        SampleColour Colour,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hint,
        [property: JsonIgnore] string? Secret);

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [JsonDerivedType(typeof(SampleStart), "start")]
    [JsonDerivedType(typeof(SampleMove), "move")]
    public abstract record SampleCommand;

    public sealed record SampleStart : SampleCommand;

    public sealed record SampleMove(int To) : SampleCommand;

    public enum NumberedEnum
    {
        One,
    }

    public sealed record NumberedEnumHolder(NumberedEnum Value);
}
