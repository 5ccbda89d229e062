using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace EcoSite.Tests.Render;

/// <summary>
/// Reads the JSON-LD subset the catalogue uses as RDF would: a context of prefixes only, node objects with @id and
/// @type, and values in expanded form ({"@id"}, {"@value", "@language"}, {"@value", "@type"}). Compact IRIs are
/// expanded with the context and relative IRIs resolved against the document's address, as a JSON-LD processor does;
/// a term the context does not define would be dropped by a processor, so it is a problem here. No dotNetRDF or
/// JsonLD.Core is served, hence this reader (it is not a general JSON-LD processor).
/// </summary>
internal sealed class JsonLdGraph
{
    public sealed record Node(string Id, List<string> Types, Dictionary<string, List<object>> Properties);
    public sealed record Literal(string Value, string? Language, string? Datatype);

    private readonly Dictionary<string, string> prefixes = new(StringComparer.Ordinal);
    private readonly Uri documentUrl;

    public List<string> Problems { get; } = [];
    public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);
    public Node? Root { get; }

    public JsonLdGraph(string json, Uri documentUrl)
    {
        this.documentUrl = documentUrl;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { Problems.Add("not JSON: " + e.Message); return; }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("@context", out var ctx) || ctx.ValueKind != JsonValueKind.Object)
            {
                Problems.Add("no @context object");
                return;
            }
            foreach (var p in ctx.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String && Uri.IsWellFormedUriString(p.Value.GetString(), UriKind.Absolute)) prefixes[p.Name] = p.Value.GetString()!;
                else Problems.Add($"context term '{p.Name}' is not a prefix IRI");
            }
            Root = ReadNode(doc.RootElement, "/");
        }
    }

    public string Expand(string term)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && prefixes.TryGetValue(term[..colon], out var ns)) return ns + term[(colon + 1)..];
        if (Uri.IsWellFormedUriString(term, UriKind.Absolute)) return term;
        Problems.Add($"'{term}' is not defined by the context: a JSON-LD processor would drop it");
        return term;
    }

    private string Resolve(string iri) => new Uri(documentUrl, iri).AbsoluteUri;

    private Node? ReadNode(JsonElement e, string pointer)
    {
        if (!e.TryGetProperty("@id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            Problems.Add($"{pointer}: node without an @id (a blank node has no stable IRI)");
            return null;
        }
        var node = new Node(Resolve(id.GetString()!), [], new Dictionary<string, List<object>>(StringComparer.Ordinal));
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name is "@context" or "@id") continue;
            if (p.Name == "@type")
            {
                foreach (var t in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value]) node.Types.Add(Expand(t.GetString()!));
                continue;
            }
            var values = new List<object>();
            var items = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value];
            for (var i = 0; i < items.Count; i++)
                if (ReadValue(items[i], $"{pointer}{p.Name}/{i}/") is { } v) values.Add(v);
            node.Properties[Expand(p.Name)] = values;
        }
        if (Nodes.TryGetValue(node.Id, out var first))
        {
            // The same IRI described twice: one resource, as in RDF.
            first.Types.AddRange(node.Types);
            foreach (var (k, v) in node.Properties) first.Properties[k] = [.. first.Properties.GetValueOrDefault(k) ?? [], .. v];
            return first;
        }
        Nodes[node.Id] = node;
        return node;
    }

    private object? ReadValue(JsonElement v, string pointer)
    {
        if (v.ValueKind == JsonValueKind.String) return new Literal(v.GetString()!, null, null);
        if (v.ValueKind != JsonValueKind.Object) return new Literal(v.GetRawText(), null, null);
        if (v.TryGetProperty("@value", out var value))
            return new Literal(value.GetString()!, v.TryGetProperty("@language", out var l) ? l.GetString() : null,
                v.TryGetProperty("@type", out var t) ? Expand(t.GetString()!) : null);
        if (v.EnumerateObject().Count() == 1 && v.TryGetProperty("@id", out var id)) return Resolve(id.GetString()!);
        return ReadNode(v, pointer);
    }

    /// <summary>The IRIs a property refers to (a reference or a described node).</summary>
    public static IEnumerable<string> Iris(Node n, string property) =>
        (n.Properties.GetValueOrDefault(property) ?? []).Select(v => v switch { string s => s, Node x => x.Id, _ => null }).OfType<string>();

    public static IEnumerable<Literal> Literals(Node n, string property) =>
        (n.Properties.GetValueOrDefault(property) ?? []).OfType<Literal>();

    public IEnumerable<Node> Objects(Node n, string property) =>
        Iris(n, property).Select(i => Nodes.GetValueOrDefault(i)).OfType<Node>();
}

/// <summary>What the issue asks of the DCAT catalogue, checked on the RDF the JSON-LD gives.</summary>
internal static class DcatCheck
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Foaf = "http://xmlns.com/foaf/0.1/";

    public static List<string> Problems(string json, Uri catalogUrl, string? license)
    {
        var g = new JsonLdGraph(json, catalogUrl);
        var problems = g.Problems;
        if (g.Root is not { } root) return problems.Count > 0 ? problems : ["no root node"];
        if (!root.Types.Contains(Dcat + "Catalog")) problems.Add("the root is not a dcat:Catalog");
        var publishers = JsonLdGraph.Iris(root, Dct + "publisher").ToList();
        if (publishers.Count != 1 || g.Nodes.GetValueOrDefault(publishers[0]) is not { } agent || !agent.Types.Contains(Foaf + "Agent")
            || !JsonLdGraph.Literals(agent, Foaf + "name").Any())
            problems.Add("the catalogue has no dct:publisher that is a named foaf:Agent");
        var datasets = g.Objects(root, Dcat + "dataset").ToList();
        if (datasets.Count == 0) problems.Add("no dcat:dataset");
        foreach (var d in datasets)
        {
            if (!d.Types.Contains(Dcat + "Dataset")) problems.Add($"{d.Id} is not a dcat:Dataset");
            var titles = JsonLdGraph.Literals(d, Dct + "title").ToList();
            foreach (var lang in new[] { "zh", "en" })
                if (!titles.Any(t => t.Language is { } l && (l == lang || l.StartsWith(lang + "-", StringComparison.Ordinal))))
                    problems.Add($"{d.Id} has no dct:title in {lang}");
            // Issue 15: a data user reads the description in Chinese or English; the Chinese one is written in Chinese.
            var descriptions = JsonLdGraph.Literals(d, Dct + "description").ToList();
            foreach (var lang in new[] { "zh", "en" })
                if (!descriptions.Any(t => t.Language is { } l && (l == lang || l.StartsWith(lang + "-", StringComparison.Ordinal)) && t.Value.Length > 0
                        && (lang != "zh" || t.Value.Any(c => c is >= '\u4e00' and <= '\u9fff'))))
                    problems.Add($"{d.Id} has no dct:description in {lang}");
            if (!JsonLdGraph.Literals(d, Dct + "modified").Any(m => m.Datatype is "http://www.w3.org/2001/XMLSchema#date" or "http://www.w3.org/2001/XMLSchema#dateTime"))
                problems.Add($"{d.Id} has no typed dct:modified");
            if (!JsonLdGraph.Iris(d, Dct + "publisher").SequenceEqual(publishers)) problems.Add($"{d.Id} is not published by the catalogue's publisher");
            if (license is not null && !JsonLdGraph.Iris(d, Dct + "license").Contains(license)) problems.Add($"{d.Id} has not the licence {license}");
            var distributions = g.Objects(d, Dcat + "distribution").ToList();
            if (distributions.Count == 0) problems.Add($"{d.Id} has no dcat:distribution");
            foreach (var x in distributions)
            {
                if (!x.Types.Contains(Dcat + "Distribution")) problems.Add($"{x.Id} is not a dcat:Distribution");
                foreach (var p in new[] { Dcat + "downloadURL", Dcat + "mediaType", Dct + "conformsTo" })
                    if (JsonLdGraph.Iris(x, p).Count() != 1) problems.Add($"{x.Id} has no single IRI for {p}");
            }
        }
        if (license is not null && !JsonLdGraph.Iris(root, Dct + "license").Contains(license)) problems.Add($"the catalogue has not the licence {license}");
        return problems;
    }
}

/// <summary>RFC 4287 essentials: well-formed XML, an atom:feed with id, title, updated and an author, entries with id, title and updated, every date RFC 3339 with an offset.</summary>
internal static partial class AtomCheck
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    public static partial Regex Rfc3339();

    public static List<string> Problems(string xml)
    {
        XDocument doc;
        try { doc = XDocument.Parse(xml); }
        catch (XmlException e) { return ["not well-formed XML: " + e.Message]; }
        var problems = new List<string>();
        var feed = doc.Root!;
        if (feed.Name != Atom + "feed") return [$"the root is {feed.Name}, not atom:feed"];
        Require(feed, "feed", problems);
        var entries = feed.Elements(Atom + "entry").ToList();
        if (feed.Element(Atom + "author") is null && entries.Any(e => e.Element(Atom + "author") is null))
            problems.Add("no atom:author on the feed nor on every entry");
        for (var i = 0; i < entries.Count; i++) Require(entries[i], $"entry {i + 1}", problems);
        return problems;
    }

    private static void Require(XElement e, string what, List<string> problems)
    {
        foreach (var name in new[] { "id", "title", "updated" })
            if (e.Elements(Atom + name).Count() != 1) problems.Add($"{what} needs exactly one atom:{name}");
        foreach (var date in e.Elements(Atom + "updated").Concat(e.Elements(Atom + "published")))
            if (!Rfc3339().IsMatch(date.Value) || !DateTimeOffset.TryParse(date.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"{what}: '{date.Value}' is not an RFC 3339 date-time with an offset");
    }
}

/// <summary>sitemap.xml against the sitemaps.org 0.9 XSD (checked in under Render/Xsd, with the xhtml:link alternates).</summary>
internal static class SitemapCheck
{
    public static List<string> Problems(string xml)
    {
        var schemas = new XmlSchemaSet();
        var dir = Path.Combine(TestSite.RepoRoot(), "tests", "EcoSite.Tests", "Render", "Xsd");
        schemas.Add("http://www.sitemaps.org/schemas/sitemap/0.9", Path.Combine(dir, "sitemap.xsd"));
        schemas.Add("http://www.w3.org/1999/xhtml", Path.Combine(dir, "xhtml-link.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read()) { }
        }
        catch (XmlException e) { problems.Add("not well-formed XML: " + e.Message); }
        return problems;
    }
}
