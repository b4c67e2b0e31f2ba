using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Kaolack.Grains.Hosting;

namespace Kaolack.Api.Tests.Accounts;

/// <summary>The keys that sign sessions live in the storage account, so any silo accepts a session another issued.</summary>
public sealed class SessionKeysTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_token_issued_by_one_silo_is_accepted_by_another_and_the_key_ring_is_in_blob_storage()
    {
        var options = new SiloHostOptions(azurite.ConnectionString) { Settings = HostSettings.Unthrottled };
        await using var first = await SiloHost.StartAsync(options);
        await using var second = await SiloHost.StartAsync(options);

        var token = await first.SignInAsAdminAsync();
        using var http = second.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var keys = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(GrainSetup.KeysContainer(options.ServiceId));
        Assert.Contains(keys.GetBlobs(), blob => blob.Name.EndsWith(".xml", StringComparison.Ordinal));
    }
}
