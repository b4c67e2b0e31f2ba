namespace Kaolack.Api.Tests;

/// <summary>A test class of <see cref="ApiCollection"/>: derives from this instead of naming the collection and its fixture again.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTests(ApiFixture app)
{
    protected ApiFixture App { get; } = app;

    /// <summary>The shared member's client: who REST tests act as when who acts is not what they test.</summary>
    protected HttpClient MemberHttp => App.MemberClient;
}
