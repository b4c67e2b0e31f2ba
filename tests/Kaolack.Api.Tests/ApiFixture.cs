using Kaolack.Testing;

namespace Kaolack.Api.Tests;

/// <summary>
/// The app shared by the REST, hub and account test classes of <see cref="ApiCollection"/>: each uses its own slugs
/// and its own accounts. <see cref="Member"/> is the signed-in member who creates (and so owns) what the REST tests
/// work on; <see cref="Admin"/> is the configured administrator. A fixture with other settings derives from it.
/// </summary>
public class ApiFixture : HostFixture
{
    private HttpClient? memberClient;
    private HttpClient? adminClient;

    public TestUser Member { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    /// <summary>One client signed in as <see cref="Member"/>, shared (tests of a collection run one at a time).</summary>
    public HttpClient MemberClient => memberClient ?? throw new InvalidOperationException("The fixture is not started.");

    public HttpClient AdminClient => adminClient ?? throw new InvalidOperationException("The fixture is not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await TestUser.AdminAsync(Host);
        Member = await NewUserAsync("membre");
        adminClient = Admin.Client(Host);
        memberClient = Member.Client(Host);
    }

    /// <summary>A new account given <paramref name="role"/> by the admin (roles are read on every request: its token works at once).</summary>
    public async Task<SignedInUser> SignInNewUserAsync(string prefix, Role role)
    {
        var user = await SignInNewUserAsync(prefix);
        await (await AdminClient.Put($"/api/admin/users/{user.Email}/roles", new { roles = new[] { role } }, null)).Read<Account>();
        return user;
    }

    public override async Task DisposeAsync()
    {
        memberClient?.Dispose();
        adminClient?.Dispose();
        await base.DisposeAsync();
    }
}
