using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EcoSite.Core.Content;
using EcoSite.Core.Diagnostics;
using EcoSite.Core.Output;
using EcoSite.Core.Render;
using Microsoft.Playwright;

// bench/search.sh's driver.
//   index-time CONTENT                         time SiteSearch.Files alone (median of 3) and its size
//   queries ENGINE BASEURL QUERIES.tsv SITE    run the queries of SITE against ecosite or pagefind at BASEURL in Chromium:
//                                              first-query bytes, cold and warm latency, recall@10 and MRR
return args switch
{
    ["index-time", var content] => IndexTime(content),
    ["queries", var engine, var baseUrl, var queries, var site] => await Queries(engine, baseUrl.TrimEnd('/') + "/", queries, site),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SearchBench index-time CONTENT | queries ecosite|pagefind BASEURL QUERIES.tsv SITE");
    return 2;
}

static int IndexTime(string content)
{
    var bag = new DiagnosticBag();
    var (site, _) = ContentLoader.Load(content, BuildClock.FromEnvironment(), bag);
    var theme = Theme.Load(null, site!.Config.Languages, bag)!;
    var times = new List<double>();
    List<OutputFile> files = [];
    for (var i = 0; i < 3; i++)
    {
        var sw = Stopwatch.StartNew();
        files = SiteSearch.Files(site, theme).ToList();
        times.Add(sw.Elapsed.TotalSeconds);
    }
    var bytes = files.OfType<TextFile>().Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));
    Console.WriteLine(FormattableString.Invariant($"ecosite index alone: {times.Order().ElementAt(1):0.00} s (median of 3), {files.Count} files, {bytes / 1024.0:0} KiB"));
    return 0;
}

static async Task<int> Queries(string engine, string baseUrl, string queryFile, string siteKind)
{
    var rows = File.ReadAllLines(queryFile).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
        .Where(r => r[0] == siteKind).Select(r => (Lang: r[1], Query: r[2], Expected: r[3].Split(' ').ToHashSet())).ToList();
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    var bytes = new List<long>();
    var cold = new List<double>();
    var warm = new List<double>();
    double recall = 0, mrr = 0;
    foreach (var (lang, query, expected) in rows)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + $"bench-{lang}.html");
        var responses = new List<IResponse>();
        page.Response += (_, r) => responses.Add(r);
        var first = await Run(page, engine, lang, query);
        var second = await Run(page, engine, lang, query);
        long loaded = 0;
        foreach (var r in responses.ToList()) loaded += (await r.BodyAsync()).Length;
        bytes.Add(loaded);
        cold.Add(first.Ms);
        warm.Add(second.Ms);
        var top = first.Urls.Take(10).Select(u => Normalize(u, baseUrl)).ToList();
        var found = top.Count(expected.Contains);
        recall += (double)found / expected.Count;
        var rank = top.FindIndex(expected.Contains);
        mrr += rank < 0 ? 0 : 1.0 / (rank + 1);
        Console.WriteLine(FormattableString.Invariant($"  {engine} {lang} {query}: {found}/{expected.Count} in top 10, first at {(rank < 0 ? "-" : (rank + 1).ToString(CultureInfo.InvariantCulture))}, {loaded / 1024.0:0.0} KiB, {first.Ms:0} ms cold, {second.Ms:0.0} ms warm"));
    }
    double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
    Console.WriteLine(FormattableString.Invariant(
        $"{engine} {siteKind}: {rows.Count} queries, recall@10 {recall / rows.Count:0.000}, MRR {mrr / rows.Count:0.000}, first-query bytes median {Median(bytes.Select(b => (double)b).ToList()) / 1024:0.0} KiB (max {bytes.Max() / 1024.0:0.0}), latency median {Median(cold):0} ms cold / {Median(warm):0.0} ms warm"));
    return 0;
}

static async Task<(double Ms, List<string> Urls)> Run(IPage page, string engine, string lang, string query)
{
    var script = engine == "ecosite"
        ? """
          async ([lang, q]) => {
            const t0 = performance.now();
            if (!window.EcoSearch) await new Promise((ok, fail) => { const s = document.createElement('script'); s.src = 'assets/search.js'; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
            const r = await new Promise(ok => EcoSearch.search('search-index/' + lang + '/', q, {}, 10, ok));
            return { ms: performance.now() - t0, urls: r.documents.map(d => d.path) };
          }
          """
        : """
          async ([lang, q]) => {
            const t0 = performance.now();
            if (!window.pf) { window.pf = await import('./pagefind/pagefind.js'); await window.pf.init(); }
            const s = await window.pf.search(q);
            const d = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
            return { ms: performance.now() - t0, urls: d.map(x => x.url) };
          }
          """;
    var result = await page.EvaluateAsync<JsonElement>(script, new[] { lang, query });
    return (result.GetProperty("ms").GetDouble(), result.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList());
}

static string Normalize(string url, string baseUrl)
{
    if (url.StartsWith(baseUrl, StringComparison.Ordinal)) url = url[baseUrl.Length..];
    url = new Uri(new Uri("http://x/"), url).AbsolutePath.TrimStart('/');
    url = Uri.UnescapeDataString(url);
    return url.Length == 0 || url.EndsWith('/') ? url + "index.html" : url;
}
