using Kaolack.Contracts.Common;

namespace Kaolack.Grains.Tests.Entities;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Coopérative Jokko d'Oujda", "cooperative-jokko-d-oujda")]
    [InlineData("GIE Ñaari Kër", "gie-naari-ker")]
    [InlineData("  --Femmes   transformatrices__de  Kaolack--  ", "femmes-transformatrices-de-kaolack")]
    [InlineData("Union l’Avenir (2024)", "union-l-avenir-2024")]
    [InlineData("ÉLEVAGE", "elevage")]
    public void From_lowercases_strips_accents_and_joins_words_with_single_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));

    [Theory]
    [InlineData("")]
    [InlineData("!!! ''' ---")]
    [InlineData("جمعية")]
    public void From_is_empty_when_nothing_usable_remains(string text) => Assert.Equal("", Slug.From(text));

    [Fact]
    public void From_cuts_long_names_at_the_maximum_length()
    {
        var slug = Slug.From(new string('a', Slug.MaxLength + 40));
        Assert.Equal(Slug.MaxLength, slug.Length);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void From_never_ends_with_a_hyphen_when_the_cut_falls_on_one()
    {
        // 79 letters, then a word break that lands on position 80.
        var slug = Slug.From(new string('b', Slug.MaxLength - 1) + " suite");
        Assert.Equal(new string('b', Slug.MaxLength - 1), slug);
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("Coopérative Jokko d'Oujda")]
    [InlineData("Union des GIE de Kaolack — section Ndiaffate")]
    [InlineData("a")]
    [InlineData("x - - y")]
    public void From_always_gives_a_valid_slug_when_not_empty(string text) => Assert.True(Slug.IsValid(Slug.From(text)));

    [Theory]
    [InlineData("a")]
    [InlineData("coop-2024")]
    [InlineData("cooperative-jokko-d-oujda")]
    [InlineData("123")]
    public void IsValid_accepts_lowercase_ascii_letters_digits_and_single_inner_hyphens(string value) =>
        Assert.True(Slug.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-coop")]
    [InlineData("coop-")]
    [InlineData("coop--jokko")]
    [InlineData("Coop")]
    [InlineData("coopérative")]
    [InlineData("coop jokko")]
    [InlineData("coop_jokko")]
    [InlineData("d'oujda")]
    public void IsValid_refuses_other_characters_and_misplaced_hyphens(string? value) => Assert.False(Slug.IsValid(value));

    [Fact]
    public void IsValid_accepts_the_maximum_length_and_refuses_one_more()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }
}
