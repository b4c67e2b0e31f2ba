namespace Kaolack.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding Kaolack.Orleans.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kaolack.Orleans.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Kaolack.Orleans.sln not found above {AppContext.BaseDirectory}.");
    }
}
