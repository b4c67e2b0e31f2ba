using System.Text;
using Kaolack.Grains.Common;

namespace Kaolack.Grains.Tests.Entities;

public sealed class TextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t  ")]
    public void Clean_turns_missing_or_blank_text_into_empty(string? value) => Assert.Equal("", Text.Clean(value));

    [Fact]
    public void Clean_trims_and_collapses_inner_whitespace() =>
        Assert.Equal("Coopérative Jokko de Ndiaffate", Text.Clean("  Coopérative \t Jokko   de\u00a0Ndiaffate  "));

    [Fact]
    public void Clean_keeps_line_breaks_and_drops_the_spaces_before_them() =>
        Assert.Equal("Ligne un\nLigne deux", Text.Clean("Ligne un  \r\nLigne deux"));

    [Fact]
    public void Clean_composes_accents_so_equal_words_are_equal_strings()
    {
        var decomposed = "Ce\u0301re\u0301ales";
        Assert.Equal("Céréales".Normalize(NormalizationForm.FormC), Text.Clean(decomposed));
        Assert.True(Text.Clean(decomposed).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void CleanList_of_null_is_empty() => Assert.Empty(Text.CleanList(null));

    [Fact]
    public void CleanList_cleans_items_drops_empty_ones_and_keeps_the_first_spelling_of_repeats()
    {
        var cleaned = Text.CleanList([" Céréales ", "cereales", null, "   ", "CÉRÉALES", "Arachide", "arachide  ", "Mil"]);
        Assert.Equal(["Céréales", "Arachide", "Mil"], cleaned);
    }

    [Theory]
    [InlineData("Céréales", "cereales")]
    [InlineData("ÉLEVAGE À Kaolack", "elevage a kaolack")]
    [InlineData("Maraîchage", "maraichage")]
    [InlineData("Ce\u0301re\u0301ales", "cereales")]
    [InlineData("already plain", "already plain")]
    public void Fold_lowercases_and_removes_diacritics(string value, string expected) => Assert.Equal(expected, Text.Fold(value));
}
