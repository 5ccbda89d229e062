using EcoSite.Core;
using EcoSite.Core.Content;

namespace EcoSite.Tests.Render;

public sealed class ThemeTests
{
    [Fact]
    public void A_site_theme_overrides_one_template_and_keeps_the_rest_of_the_default_theme()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\ntheme: ../mytheme\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var theme = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "home.sbnhtml"), "<h1 class=\"own\">{{ model.heading }}</h1>\n");
        var result = site.Build();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains("<h1 class=\"own\">测试平台</h1>", site.Read("index.html"));
        Assert.Contains("class=\"site-header\"", site.Read("index.html"));
        Assert.True(site.Exists("parks/demo/index.html"));
    }

    [Fact]
    public void A_template_that_fails_while_rendering_is_a_located_diagnostic_and_nothing_is_written()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\ntheme: ../mytheme\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var theme = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "home.sbnhtml"), "<h1>{{ model.heading }}</h1>\n{{ no_such_function() }}\n");
        var result = site.Build();
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.Code == "ECO304");
        Assert.EndsWith("home.sbnhtml", d.File);
        Assert.Equal(2, d.Line);
        Assert.False(Directory.Exists(site.Output));
        Assert.Equal(["content", "mytheme"], Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Where(n => n != EcoSite.Core.Output.BuildState.FolderName).Order().ToArray());
    }

    [Fact]
    public void A_template_with_a_syntax_error_is_reported_at_its_line()
    {
        using var site = new TestSite(minimal: false)
            .With("site.yaml", TestSite.SiteYaml + "\ntheme: ../mytheme\n")
            .With("parks/demo/park.yaml", TestSite.ParkYaml);
        var theme = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(theme);
        File.WriteAllText(Path.Combine(theme, "home.sbnhtml"), "<h1>\n{{ if model.heading }}\n");
        var result = site.Build();
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, x => x.Code == "ECO304" && x.File.EndsWith("home.sbnhtml", StringComparison.Ordinal));
    }

    private static TestSite WithTheme(string setting) => new TestSite(minimal: false)
        .With("site.yaml", TestSite.SiteYaml + "\ntheme: " + setting + "\n")
        .With("parks/demo/park.yaml", TestSite.ParkYaml);

    /// <summary>The line of 'theme:' in the site.yaml of <see cref="WithTheme"/>.</summary>
    private static int ThemeLine => TestSite.SiteYaml.Split('\n').Length + 1;

    public static TheoryData<string, string> NotAThemeFolder() => new()
    {
        { "a device folder", "/dev" },
        { "a missing folder", "../nothing-here" },
        { "a file", "site.yaml" },
        { "a folder without theme parts", "../content/parks" },
    };

    [Theory]
    [MemberData(nameof(NotAThemeFolder))]
    public void A_theme_that_is_not_a_theme_folder_is_an_error_at_its_line_in_site_yaml(string what, string setting)
    {
        using var site = WithTheme(setting);
        var result = site.Build();
        Assert.False(result.Success, what);
        var d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal(("ECO304", "site.yaml", ThemeLine, 8), (d.Code, d.File, d.Line, d.Column));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_symbolic_link_inside_the_theme_is_refused_and_its_target_never_read()
    {
        using var site = WithTheme("../mytheme");
        var templates = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(templates);
        var secret = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        Directory.CreateDirectory(Path.Combine(site.Root, "mytheme", "static"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "mytheme", "static", "leak.txt"), secret);
        File.CreateSymbolicLink(Path.Combine(templates, "home.sbnhtml"), secret);
        var result = site.Build();
        Assert.False(result.Success);
        Assert.Equal(["ECO030", "ECO030"], result.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.Contains("mytheme/", d.File));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_pipe_in_the_theme_is_an_error_as_in_content_and_never_opened()
    {
        if (OperatingSystem.IsWindows()) return; // no named pipes in a Windows folder
        using var site = WithTheme("../mytheme");
        var statics = Path.Combine(site.Root, "mytheme", "static");
        Directory.CreateDirectory(statics);
        // Opening a FIFO for reading blocks until a writer comes: the build would hang if it opened it.
        var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(statics, "pipe.css"))!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        var result = site.Build();
        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("ECO007", error.Code);
        Assert.EndsWith("mytheme/static/pipe.css", error.File);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_template_loop_without_end_is_a_located_error_not_a_hung_build()
    {
        using var site = WithTheme("../mytheme");
        var templates = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "home.sbnhtml"), "<h1>{{ model.heading }}</h1>\n{{ while true }}{{ end }}\n");
        var result = site.Build();
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal("ECO304", d.Code);
        Assert.EndsWith("home.sbnhtml", d.File);
        Assert.Equal(2, d.Line);
        Assert.Contains("iteration limit", d.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_slow_loop_under_the_loop_limit_is_stopped_by_the_page_time_limit()
    {
        using var site = WithTheme("../mytheme");
        var templates = Path.Combine(site.Root, "mytheme", "templates");
        Directory.CreateDirectory(templates);
        // Under the loop limit, but each iteration builds a 200,000-character string: far more than a second of work.
        File.WriteAllText(Path.Combine(templates, "home.sbnhtml"), "{{ for a in 1..999000 }}{{ s = a | string.pad_left 200000 }}{{ end }}\n");
        // A short limit keeps the test quick; what is asserted is the diagnostic, not the time taken.
        var options = new BuildOptions(site.Content, site.Output, new BuildClock(null, () => DateTimeOffset.UnixEpoch)) { PageTimeLimit = TimeSpan.FromSeconds(1) };
        var result = SiteBuilder.Build(options);
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal("ECO304", d.Code);
        Assert.EndsWith("home.sbnhtml", d.File);
        Assert.Contains("did not finish", d.Message);
    }
}
