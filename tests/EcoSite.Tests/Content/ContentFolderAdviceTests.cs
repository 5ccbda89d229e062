using EcoSite.Core.Content;

namespace EcoSite.Tests.Content;

/// <summary>
/// The advice for a content folder that does not exist: inside a content folder (a site.yaml here) the editor is told
/// so, never to make a site inside the site; elsewhere, how to start one. (The commands are run in such folders by
/// <c>Cli.ScaffoldGuidanceTests</c>; here the folder is given, so no test changes the process's current folder.)
/// </summary>
public sealed class ContentFolderAdviceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ecosite-advice-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Inside_a_content_folder_the_editor_is_told_so_and_how_to_name_this_folder()
    {
        File.WriteAllText(Path.Combine(_dir, "site.yaml"), "title: 示例园区\n");
        Assert.Equal(
            "the content folder 'content' does not exist, but this folder has a site.yaml: you are inside the content folder. " +
            "Either add --content ., or run the command one folder up.",
            ContentFolderAdvice.Missing("content", "add --content .", _dir));
    }

    [Fact]
    public void Elsewhere_the_editor_is_told_how_to_start_a_site_in_the_folder_named()
    {
        Assert.Equal(
            "the content folder 'site-content' does not exist. Run 'ecosite new site site-content' to start one, or give the right folder.",
            ContentFolderAdvice.Missing("site-content", "add --content .", _dir));
        // A folder called site.yaml is not a site's settings file.
        Directory.CreateDirectory(Path.Combine(_dir, "site.yaml"));
        Assert.StartsWith("the content folder 'c' does not exist. Run", ContentFolderAdvice.Missing("c", "x", _dir));
    }

    [Fact]
    public void Without_a_folder_given_the_current_folder_is_read_with_the_check_command_advice()
    {
        // The test process does not run inside a content folder.
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "site.yaml")));
        Assert.StartsWith("the content folder 'x' does not exist. Run 'ecosite new site x'", ContentFolderAdvice.Missing("x"));
    }
}
