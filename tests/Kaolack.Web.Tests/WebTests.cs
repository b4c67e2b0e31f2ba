namespace Kaolack.Web.Tests;

/// <summary>A browser test class: derives from this to join <see cref="WebCollection"/> and reach its app and browser.</summary>
[Collection(WebCollection.Name)]
public abstract class WebTests(WebFixture web)
{
    protected WebFixture Web { get; } = web;
}
