namespace Kaolack.Web.Tests;

/// <summary>One Azurite, one running app with demo data and one Chromium, shared by every browser test class.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
