namespace Kaolack.Api.Tests;

/// <summary>
/// One Azurite and one running app shared by the REST, hub and account test classes that use their own slugs and
/// accounts. Classes that need exact counts, other settings or several silos have their own fixtures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
