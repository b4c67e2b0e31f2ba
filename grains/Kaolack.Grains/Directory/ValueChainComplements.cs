namespace Kaolack.Grains.Directory;

/// <summary>
/// Value chains of the two regions that are different products but share know-how, so their cooperatives learn from
/// each other. Each side is matched with <see cref="Terms.Match(string, string)"/>, so "arachide" also covers
/// "huile d'arachide" and "céréales" covers "céréales locales". Symmetric: either side may be the subject's.
/// </summary>
public static class ValueChainComplements
{
    public static IReadOnlyList<(string First, string Second)> Pairs { get; } =
    [
        // Pressing, filtering, storing and checking an edible oil (acidity, aflatoxin): one trade, two seeds
        // (the Ndoffane–Taourirt exchange of the demo project).
        ("arachide", "huile d'olive"),
        // Roasting, grading and grinding into pastes: pâte d'arachide and pâte d'amande are made the same way.
        ("arachide", "amandes"),
        // Shelling, calibrating and roasting nuts, and selling them to the same buyers.
        ("anacarde", "amandes"),
        // Rolling, steaming and drying granulated cereals: millet thiéré and Oriental couscous share the process.
        ("mil", "couscous"),
        // Precooking and drying small grains, as for couscous.
        ("fonio", "couscous"),
        // Local cereals (millet, sorghum, maize) rolled into couscous, arraw and thiakry.
        ("céréales", "couscous"),
        // Bees forage thyme and rosemary; honey and herbs share drying, packaging and organic certification.
        ("miel", "plantes aromatiques"),
        // Hives in cashew orchards pollinate the trees and give a second income: beekeepers train cashew growers.
        ("miel", "anacarde"),
        // Herb salt: Saloum salt with Oriental herbs, what the Ndiaffate salt workers look for.
        ("sel", "plantes aromatiques"),
        // Dried flowers and leaves: the same drying, sorting and infusion packaging.
        ("bissap", "plantes aromatiques"),
        // Syrups: bissap syrup and date syrup (rob) are cooked, bottled and kept the same way.
        ("bissap", "dattes"),
        // Fruit powders and pastes: baobab powder and date paste are dried, milled and kept alike.
        ("pain de singe", "dattes"),
    ];

    private static readonly (string[] First, string[] Second)[] PairWords =
        [.. Pairs.Select(pair => (Terms.Words(pair.First), Terms.Words(pair.Second)))];

    /// <summary>Whether the two value chains (given as <see cref="Terms.Words"/>) complement each other.</summary>
    public static bool Complement(string[] a, string[] b) =>
        PairWords.Any(pair => (Terms.Match(a, pair.First) && Terms.Match(b, pair.Second)) || (Terms.Match(a, pair.Second) && Terms.Match(b, pair.First)));
}
