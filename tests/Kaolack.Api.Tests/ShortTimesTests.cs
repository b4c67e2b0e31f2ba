namespace Kaolack.Api.Tests;

/// <summary>A test class of <see cref="ShortTimesCollection"/>.</summary>
[Collection(ShortTimesCollection.Name)]
public abstract class ShortTimesTests(ShortTimesFixture app)
{
    protected ShortTimesFixture App { get; } = app;
}
