using EcoSite.Core.Diagnostics;
using EcoSite.Core.Diagnostics.Messages;

namespace EcoSite.Tests.Diagnostics;

/// <summary>The system's file errors in EcoSite's words, and those words in Chinese inside a diagnostic.</summary>
public sealed class LibraryTextTests
{
    // The error numbers an IOException carries: a Win32 HRESULT on Windows, errno elsewhere.
    private static int Error(int win32, int errno) => OperatingSystem.IsWindows() ? unchecked((int)0x80070000) | win32 : errno;

    public static TheoryData<Exception, string, string> Errors() => new()
    {
        { new UnauthorizedAccessException("Access to the path '/x' is denied."), "permission denied", "没有访问权限" },
        { new FileNotFoundException("Could not find file '/x'."), "the file does not exist", "文件不存在" },
        { new DirectoryNotFoundException("Could not find a part of the path '/x/y'."), "a folder on the path does not exist", "路径中的文件夹不存在" },
        { new PathTooLongException("The path '/x' is too long."), "the path is too long", "路径太长" },
        { new IOException("No space left on device : '/x'", Error(112, 28)), "the disk is full", "磁盘已满" },
        { new IOException("Read-only file system : '/x'", Error(19, 30)), "the disk is read-only", "磁盘为只读" },
        { new IOException("The process cannot access the file '/x'.", Error(32, 26)), "the file is in use by another program; close it and try again", "文件正被其他程序占用；请关闭该程序后重试" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_file_system_error_is_named_in_our_words_in_both_languages(Exception e, string english, string chinese)
    {
        Assert.Equal(english, LibraryText.FileSystemError(e));
        var d = new Diagnostic("ECO004", Severity.Error, "parks/demo/park.yaml", 0, 0, $"cannot read the file ({LibraryText.FileSystemError(e)}). Check that it exists and is readable.");
        var zh = MessageCatalog.Message(d, MessageCatalog.Chinese);
        Assert.Contains(chinese, zh);
        Assert.DoesNotMatch("[A-Za-z]{3,}", zh);
    }

    [Fact]
    public void An_error_the_table_does_not_know_keeps_the_system_message()
    {
        Assert.Equal("Some new trouble.", LibraryText.FileSystemError(new IOException("Some new trouble.")));
        Assert.Equal("Some new YAML trouble.", LibraryText.YamlError("Some new YAML trouble."));
    }
}
