using EcoSite.Core.Facts;
using EcoSite.Core.Urls;

namespace EcoSite.Core.Render;

/// <summary>
/// data/datapackage.json: a Frictionless Tabular Data Package listing every CSV file of the export with its Table
/// Schema, so that a data user loads the whole export with one descriptor (frictionless, R's frictionless, pandas via
/// the resource list). Paths are relative to data/, as the Data Package rules require of a local descriptor.
/// </summary>
internal static class DataPackage
{
    public static string Render(SiteFacts facts, IReadOnlyList<DataScope> scopes)
    {
        var cfg = facts.Config;
        string Rel(string sitePath) => sitePath["data/".Length..];
        return OpenData.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("profile", "tabular-data-package");
            w.WriteString("name", "ecosite-open-data");
            w.WriteString("title", cfg.Title.In(cfg.DefaultLanguage, cfg.DefaultLanguage).Text);
            if (cfg.Description is { } d) w.WriteString("description", d.In(cfg.DefaultLanguage, cfg.DefaultLanguage).Text);
            w.WriteString("version", $"{OpenData.SchemaVersion}.0.0");
            // The as-of date, as the start of that day in the site's offset (site.yaml 'timezone').
            w.WriteString("created", Format.Timestamp(cfg.Today, cfg.Offset));
            if (cfg.BaseUrl is not null) w.WriteString("homepage", facts.Routes.Absolute(Routes.Data));
            if (cfg.License is { } license)
            {
                w.WriteStartArray("licenses");
                w.WriteStartObject();
                w.WriteString("name", license.Name);
                w.WriteString("path", license.Url);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteStartArray("contributors");
            w.WriteStartObject();
            w.WriteString("title", (cfg.Organizer ?? cfg.Title).In(cfg.DefaultLanguage, cfg.DefaultLanguage).Text);
            w.WriteString("role", "publisher");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("resources");
            foreach (var scope in scopes)
                foreach (var table in scope.Tables)
                {
                    w.WriteStartObject();
                    // Resource names are unique: a dataset of the whole site is named as it is, a park's is "<park>.<dataset>".
                    w.WriteString("name", scope.ParkId is null ? table.Name : $"{scope.ParkId}.{table.Name}");
                    w.WriteString("profile", "tabular-data-resource");
                    w.WriteString("path", Rel(Routes.DataCsv(table.Name, scope.ParkId)));
                    w.WriteString("title", DataCatalog.ScopedTitle(cfg, scope, table, cfg.DefaultLanguage));
                    w.WriteString("format", "csv");
                    w.WriteString("mediatype", "text/csv");
                    // UTF-8 after a byte-order mark (docs/open-data.md): Python's and frictionless's name for it.
                    w.WriteString("encoding", "utf-8-sig");
                    w.WriteStartObject("dialect");
                    w.WriteString("delimiter", ",");
                    w.WriteString("lineTerminator", "\r\n");
                    w.WriteString("quoteChar", "\"");
                    w.WriteBoolean("doubleQuote", true);
                    w.WriteBoolean("header", true);
                    w.WriteEndObject();
                    w.WriteString("schema", Rel(Routes.DataTableSchema(table.Name)));
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
