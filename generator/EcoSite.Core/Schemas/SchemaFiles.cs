using EcoSite.Core.Output;

namespace EcoSite.Core.Schemas;

/// <summary>
/// The JSON Schemas of the content format (draft 2020-12), embedded in the library and published in the built site
/// under <c>schemas/</c>, so editors (VS Code with the YAML extension, and others using yaml-language-server) can
/// complete and check fields. tests/EcoSite.Tests/Schemas/SchemaAgreementTests.cs keeps them in step with the loaders.
/// </summary>
internal static class SchemaFiles
{
    private const string Prefix = "schemas/";

    /// <summary>The schema file names (e.g. <c>park.schema.json</c>), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(SchemaFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The bytes of one schema, as stored in the repository.</summary>
    public static byte[] Read(string name)
    {
        using var stream = typeof(SchemaFiles).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"there is no embedded schema '{name}'", nameof(name));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The files to publish: schemas/&lt;name&gt;.</summary>
    public static IEnumerable<OutputFile> Files() => Names.Select(File);

    /// <summary>Where the schema <paramref name="name"/> is published.</summary>
    public static string PathOf(string name) => Prefix + name;

    /// <summary>The file of the schema <paramref name="name"/>.</summary>
    public static OutputFile File(string name) => new BinaryFile(PathOf(name), Read(name));
}
