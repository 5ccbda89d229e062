namespace EcoSite.Core.Content;

/// <summary>
/// What to tell an editor whose content folder does not exist. The usual cause is running a command inside the
/// content folder itself (where 'content' does not exist but site.yaml does): suggesting 'ecosite new site content'
/// there would make content/content.
/// </summary>
public static class ContentFolderAdvice
{
    /// <param name="useHere">How to name the current folder as the content folder with this command.</param>
    public static string Missing(string contentDir, string useHere = "give '.' as the folder (e.g. 'ecosite check .')") =>
        Missing(contentDir, useHere, Directory.GetCurrentDirectory());

    /// <param name="currentDirectory">The folder the command runs in.</param>
    internal static string Missing(string contentDir, string useHere, string currentDirectory) =>
        File.Exists(Path.Combine(currentDirectory, "site.yaml"))
            ? $"the content folder '{contentDir}' does not exist, but this folder has a site.yaml: you are inside the content folder. Either {useHere}, or run the command one folder up."
            : $"the content folder '{contentDir}' does not exist. Run 'ecosite new site {contentDir}' to start one, or give the right folder.";
}
