namespace Kaolack.Grains.Hosting;

/// <summary>Names of the Orleans grain storage providers the grains ask for.</summary>
public static class StorageNames
{
    /// <summary>Small, bounded entity state: Azure Table storage.</summary>
    public const string Entities = "entities";

    /// <summary>State that grows with the programme (listings, documents): Azure Blob storage.</summary>
    public const string Documents = "documents";
}
