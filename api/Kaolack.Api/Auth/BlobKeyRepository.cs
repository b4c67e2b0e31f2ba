using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Kaolack.Api.Auth;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (which sign session cookies and bearer tokens) in the
/// storage account, so every silo of a cluster accepts what any other silo issued. Without it each
/// machine would keep its own keys and a load balancer would sign people out at random.
/// </summary>
public sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        container.CreateIfNotExists();
        return container.GetBlobs()
            .Select(blob => XElement.Parse(container.GetBlobClient(blob.Name).DownloadContent().Value.Content.ToString()))
            .ToArray();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        container.CreateIfNotExists();
        container.GetBlobClient($"{friendlyName}.xml")
            .Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: true);
    }
}
