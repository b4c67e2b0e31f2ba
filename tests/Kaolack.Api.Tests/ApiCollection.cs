using Kaolack.Testing;

namespace Kaolack.Api.Tests;

/// <summary>
/// One Azurite and one running app shared by the REST and hub test classes that use their own slugs.
/// Classes that need exact counts or several silos have their own fixtures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
