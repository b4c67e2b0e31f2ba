namespace Kaolack.Contracts.Text;

/// <summary>What a <see cref="TextOpComponent"/> does. Zero is left unused so a
/// <c>default</c> component is recognisably invalid.</summary>
public enum TextOpComponentKind : byte
{
    /// <summary>Keep the next <c>Length</c> code points (wire form: a number).</summary>
    Retain = 1,

    /// <summary>Insert <c>Text</c> here (wire form: a string).</summary>
    Insert = 2,

    /// <summary>Remove the next <c>Length</c> code points (wire form: <c>{"d": n}</c> or <c>{"d": "text"}</c>).</summary>
    Delete = 3,
}
