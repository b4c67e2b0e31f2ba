namespace Kaolack.Silo.DemoData;

/// <summary>The fixed, readable slugs of the demo data, so projects and pledges can name their partners.</summary>
public static class DemoSlugs
{
    // Cooperatives, GIE, TPE and PME of the Kaolack department.
    public const string JappoLiggeeyNdoffane = "cooperative-jappo-liggeey-ndoffane";
    public const string TransformatricesKahone = "gie-transformatrices-cereales-kahone";
    public const string AnacardeSibassor = "cooperative-anacarde-sibassor";
    public const string SaveursDuSaloum = "saveurs-du-saloum-latmingue";
    public const string KaolackCereales = "kaolack-cereales-transformation";
    public const string SelIodeNdiaffate = "gie-sel-iode-ndiaffate";

    // Cooperatives, GIE and TPE of the Oriental region.
    public const string ZitounTaourirt = "cooperative-zitoun-taourirt";
    public const string AzizaFiguig = "cooperative-feminine-aziza-figuig";
    public const string NahlaDebdou = "cooperative-apicole-nahla-debdou";
    public const string RomarinJerada = "gie-romarin-hauts-plateaux-jerada";
    public const string AlAmalAhfir = "cooperative-feminine-al-amal-ahfir";
    public const string AmandesOujda = "amandes-terroirs-oriental-oujda";

    // Diaspora groups.
    public const string KaolackFrance = "ressortissants-kaolack-france";
    public const string SaloumItalia = "collectif-saloum-italia-brescia";
    public const string OrientalBruxelles = "oriental-solidarite-bruxelles";
    public const string OrientalCatalogne = "originaires-oriental-catalogne";

    // Joint projects.
    public const string HuileOliveArachide = "echanges-huile-olive-arachide";
    public const string PresenceCroiseeFoires = "presence-croisee-foires-kaolack-oriental";
    public const string UniteTransformationDiaspora = "diaspora-unite-transformation-cereales";
}
