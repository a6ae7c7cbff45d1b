namespace Ravine.Tests.Docs;

/// <summary>Files of the repository the tests run from (found by walking up to Ravine.sln), for the doc tests.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds Ravine.sln, above the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Ravine.sln")))
                    return folder.FullName;
            throw new InvalidOperationException($"No Ravine.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The text of a file given by its path parts below the repository root.</summary>
    public static string ReadAllText(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));
}
