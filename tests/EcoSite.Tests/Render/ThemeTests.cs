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
        Assert.Equal(["content", "mytheme"], Directory.GetFileSystemEntries(site.Root).Select(p => Path.GetFileName(p)!).Order().ToArray());
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
}
