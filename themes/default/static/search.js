/* EcoSite search client. Plain ES5, no dependencies, no build step. The index (built by `ecosite build`, see
   generator/EcoSite.Core/Search/SearchIndexBuilder.cs) is a set of script files that call EcoSearch.add(name, data);
   they are loaded with <script> elements, which also works when the site is opened from disk (file://), where
   fetch and XMLHttpRequest are refused. Folding and tokenizing follow Search/SearchText.cs exactly. */
(function (window, document) {
  "use strict";

  var loaded = {};
  var pending = {};
  var TERMINAL = 45;
  var PAGE = 10;
  var PREFIX_TERMS = 100;
  var PREFIX_CHUNKS = 3;

  var EcoSearch = window.EcoSearch = {
    add: function (name, data) { loaded[name] = data; }
  };

  // ---- folding and tokens (Search/SearchText.cs) ----

  var KATAKANA = "\u3002\u300C\u300D\u3001\u30FB\u30F2\u30A1\u30A3\u30A5\u30A7\u30A9\u30E3\u30E5\u30E7\u30C3\u30FC" +
    "\u30A2\u30A4\u30A6\u30A8\u30AA\u30AB\u30AD\u30AF\u30B1\u30B3\u30B5\u30B7\u30B9\u30BB\u30BD\u30BF" +
    "\u30C1\u30C4\u30C6\u30C8\u30CA\u30CB\u30CC\u30CD\u30CE\u30CF\u30D2\u30D5\u30D8\u30DB\u30DE\u30DF" +
    "\u30E0\u30E1\u30E2\u30E4\u30E6\u30E8\u30E9\u30EA\u30EB\u30EC\u30ED\u30EF\u30F3\u309B\u309C";
  var SIGNS = "\u00A2\u00A3\u00AC\u00AF\u00A6\u00A5\u20A9";

  function foldChar(ch) {
    var c = ch.charCodeAt(0);
    if (c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
    if (c >= 0xFF01 && c <= 0xFF5E) return foldChar(String.fromCharCode(c - 0xFEE0));
    if (c === 0x3000) return " ";
    if (c >= 0xFF61 && c <= 0xFF9F) return KATAKANA.charAt(c - 0xFF61);
    if (c >= 0xFFE0 && c <= 0xFFE6) return SIGNS.charAt(c - 0xFFE0);
    if (c >= 0xC0 && c <= 0x24F || c >= 0x370 && c <= 0x4FF) {
      var lower = ch.toLowerCase();
      return lower.length === 1 ? lower : ch;
    }
    return ch;
  }

  function fold(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
    return out;
  }

  function isCjk(cp) {
    return cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xF900 && cp <= 0xFAFF ||
      cp >= 0x3040 && cp <= 0x30FF || cp >= 0xAC00 && cp <= 0xD7AF || cp >= 0x20000 && cp <= 0x3FFFF;
  }

  function isWordChar(cp) {
    return cp >= 97 && cp <= 122 || cp >= 48 && cp <= 57 ||
      cp >= 0xC0 && cp <= 0x24F && cp !== 0xD7 && cp !== 0xF7 || cp >= 0x370 && cp <= 0x4FF;
  }

  function isJoiner(ch) { return ch === "-" || ch === "." || ch === "/" || ch === "_"; }

  function codePoint(s, i) {
    var c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) return { cp: (c - 0xD800) * 0x400 + (d - 0xDC00) + 0x10000, width: 2 };
    }
    return { cp: c, width: 1 };
  }

  /* Calls cjk(run as array of characters) and word(parts) for each run of the folded text. */
  function scan(s, cjk, word) {
    var i = 0;
    while (i < s.length) {
      var p = codePoint(s, i);
      if (isCjk(p.cp)) {
        var run = [];
        while (i < s.length && isCjk((p = codePoint(s, i)).cp)) { run.push(s.substr(i, p.width)); i += p.width; }
        cjk(run);
      } else if (isWordChar(p.cp)) {
        var parts = [], start = i;
        for (;;) {
          while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
          parts.push(s.substring(start, i));
          if (i + 1 < s.length && isJoiner(s.charAt(i)) && isWordChar(s.charCodeAt(i + 1))) start = ++i;
          else break;
        }
        word(parts);
      } else i += p.width;
    }
  }

  /* The index's tokens of a text, as [text, kind] pairs: the same list as SearchText.Tokens. */
  function tokens(text) {
    var out = [];
    scan(fold(text), function (run) {
      for (var i = 0; i < run.length; i++) {
        out.push([run[i], "Character"]);
        if (i > 0) out.push([run[i - 1] + run[i], "Bigram"]);
      }
    }, function (parts) {
      for (var i = 0; i < parts.length; i++) out.push([stem(parts[i]), "Word"]);
      if (parts.length > 1) out.push([parts.join(""), "Joined"]);
    });
    return out;
  }

  // Porter (1980), steps 1a, 1b, 1c and 5, as SearchText.Stem.
  function consonant(w, i) {
    var c = w.charAt(i);
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
    if (c === "y") return i === 0 || !consonant(w, i - 1);
    return true;
  }
  function hasVowel(w) { for (var i = 0; i < w.length; i++) if (!consonant(w, i)) return true; return false; }
  function measure(w) {
    var m = 0, i = 0;
    while (i < w.length && consonant(w, i)) i++;
    while (i < w.length) {
      while (i < w.length && !consonant(w, i)) i++;
      if (i === w.length) break;
      while (i < w.length && consonant(w, i)) i++;
      m++;
    }
    return m;
  }
  function doubleConsonant(w) { var n = w.length; return n >= 2 && w.charAt(n - 1) === w.charAt(n - 2) && consonant(w, n - 1); }
  function cvc(w) {
    var n = w.length, last = w.charAt(n - 1);
    return n >= 3 && consonant(w, n - 3) && !consonant(w, n - 2) && consonant(w, n - 1) && last !== "w" && last !== "x" && last !== "y";
  }
  function ends(w, s) { return w.length >= s.length && w.substring(w.length - s.length) === s; }

  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    var w = word, rest;
    if (ends(w, "sses") || ends(w, "ies")) w = w.substring(0, w.length - 2);
    else if (ends(w, "s") && !ends(w, "ss")) w = w.substring(0, w.length - 1);
    if (ends(w, "eed")) {
      if (measure(w.substring(0, w.length - 3)) > 0) w = w.substring(0, w.length - 1);
    } else if (ends(w, "ed") && hasVowel(rest = w.substring(0, w.length - 2)) || ends(w, "ing") && hasVowel(rest = w.substring(0, w.length - 3))) {
      w = rest;
      var last = w.charAt(w.length - 1);
      if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w += "e";
      else if (doubleConsonant(w) && last !== "l" && last !== "s" && last !== "z") w = w.substring(0, w.length - 1);
      else if (measure(w) === 1 && cvc(w)) w += "e";
    }
    if (ends(w, "y") && hasVowel(w.substring(0, w.length - 1))) w = w.substring(0, w.length - 1) + "i";
    if (ends(w, "e")) {
      var m = measure(w.substring(0, w.length - 1));
      if (m > 1 || m === 1 && !cvc(w.substring(0, w.length - 1))) w = w.substring(0, w.length - 1);
    }
    if (measure(w) > 1 && doubleConsonant(w) && w.charAt(w.length - 1) === "l") w = w.substring(0, w.length - 1);
    return w;
  }

  /* A query as groups that must all match; each group lists alternative terms with a weight (2 exact, 1 prefix)
     and the text to highlight. */
  function parse(query) {
    var groups = [];
    scan(fold(query), function (run) {
      var text = run.join("");
      if (run.length === 1) groups.push({ alts: [{ term: run[0], weight: 2 }], mark: text });
      for (var i = 1; i < run.length; i++) groups.push({ alts: [{ term: run[i - 1] + run[i], weight: 2 }], mark: text });
    }, function (parts) {
      if (parts.length > 1) {
        var joined = parts.join("");
        groups.push({ alts: [{ term: joined, weight: 2 }, { term: joined, weight: 1, prefix: true }], mark: joined });
        return;
      }
      var w = parts[0], s = stem(w), alts = [{ term: s, weight: 2 }];
      if (w.length >= 2) alts.push({ term: s, weight: 1, prefix: true });
      if (s !== w && w.length >= 2) alts.push({ term: w, weight: 1, prefix: true });
      groups.push({ alts: alts, mark: w, stem: s });
    });
    return groups;
  }

  // ---- loading ----

  function load(base, name, done) {
    if (loaded.hasOwnProperty(name)) { done(loaded[name]); return; }
    if (pending[name]) { pending[name].push(done); return; }
    pending[name] = [done];
    var script = document.createElement("script");
    script.src = base + name + ".js";
    script.async = true;
    function finish() {
      var waiting = pending[name];
      delete pending[name];
      if (script.parentNode) script.parentNode.removeChild(script);
      for (var i = 0; i < waiting.length; i++) waiting[i](loaded.hasOwnProperty(name) ? loaded[name] : null);
    }
    script.onload = finish;
    script.onerror = finish;
    (document.head || document.getElementsByTagName("head")[0]).appendChild(script);
  }

  /* Loads every name, then calls done(map of name to data, or null when one failed). */
  function loadAll(base, names, done) {
    var left = names.length, failed = false, out = {};
    if (left === 0) { done(out); return; }
    for (var i = 0; i < names.length; i++) (function (name) {
      load(base, name, function (data) {
        if (data === null) failed = true;
        out[name] = data;
        if (--left === 0) done(failed ? null : out);
      });
    })(names[i]);
  }

  function lastAtMost(list, value) {
    var lo = 0, hi = list.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] <= value) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  function Index(base, entry) {
    this.base = base;
    this.entry = entry;
    this.chunks = {};
  }

  /* The name a chunk registers under: "t3" (term chunk 3), "d0" (document chunk 0) or "f" (the listings' facets) become
     the entry's folder and the chunk's own name, a hash of its contents, so an entry only ever loads its own chunks. */
  Index.prototype.file = function (name) {
    var e = this.entry, kind = name.charAt(0), i = +name.substring(1);
    return e.dir + (kind === "t" ? e.tfiles[i] : kind === "d" ? e.dfiles[i] : e.listings);
  };

  /* A term chunk, split into sorted terms and their encoded postings. */
  Index.prototype.chunk = function (name) {
    if (this.chunks[name]) return this.chunks[name];
    var entries = loaded[this.file(name)].split("!"), terms = [], data = [];
    for (var i = 0; i < entries.length; i++) {
      var sp = entries[i].indexOf(" ");
      terms.push(entries[i].substring(0, sp));
      data.push(entries[i].substring(sp + 1));
    }
    return (this.chunks[name] = { terms: terms, data: data });
  };

  Index.prototype.chunkNames = function (alt) {
    var terms = this.entry.terms;
    if (terms.length === 0) return [];
    var first = lastAtMost(terms, alt.term);
    var last = alt.prefix ? Math.min(lastAtMost(terms, alt.term + "\uffff"), first + PREFIX_CHUNKS - 1) : first;
    var names = [];
    for (var i = first; i <= last; i++) names.push("t" + i);
    return names;
  };

  function decode(s, visit) {
    var values = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var d = s.charCodeAt(i) - 0x23;
      if (d > 0x5C - 0x23) d--;
      if (d >= TERMINAL) v = v * TERMINAL + d - TERMINAL;
      else { values.push(v * TERMINAL + d); v = 0; }
    }
    var idf = values[0], doc = -1;
    for (var j = 1; j + 1 < values.length; j += 2) { doc += values[j] + 1; visit(doc, idf * values[j + 1]); }
  }

  /* Score of each document for one group: the best of its alternatives; exact[doc] when a whole term matched. */
  Index.prototype.groupScores = function (group) {
    var scores = {}, exact = {};
    for (var a = 0; a < group.alts.length; a++) {
      var alt = group.alts[a], names = this.chunkNames(alt), found = 0;
      for (var n = 0; n < names.length && found < PREFIX_TERMS; n++) {
        var chunk = this.chunk(names[n]), terms = chunk.terms;
        var i = lowerBound(terms, alt.term);
        for (; i < terms.length && found < PREFIX_TERMS; i++) {
          var t = terms[i];
          if (alt.prefix ? t.substring(0, alt.term.length) !== alt.term : t !== alt.term) break;
          found++;
          decode(chunk.data[i], function (doc, score) {
            score *= alt.weight;
            if (!alt.prefix) exact[doc] = true;
            if (!(scores[doc] >= score)) scores[doc] = score;
          });
        }
      }
    }
    return { scores: scores, exact: exact };
  };

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /* Documents allowed by the park and category filters, as [first, end) ranges. */
  Index.prototype.ranges = function (filters) {
    var e = this.entry, out = [];
    for (var i = 0; i < e.groups.length; i++) {
      var g = e.groups[i];
      if (filters.park && e.parks[g[0]][0] !== filters.park) continue;
      if (filters.category && e.categories[g[1]][0] !== filters.category) continue;
      out.push([g[2], g[2] + g[3]]);
    }
    return out;
  };

  Index.prototype.groupOf = function (doc) {
    var groups = this.entry.groups;
    for (var i = 0; i < groups.length; i++) if (doc >= groups[i][2] && doc < groups[i][2] + groups[i][3]) return groups[i];
    return null;
  };

  function listingFiltered(filters) { return !!(filters.kind || filters.material || filters.hazard); }

  /* The documents that pass the listing filters, as a set; null when none is set. */
  function listingSet(facets, filters) {
    if (!listingFiltered(filters)) return null;
    var set = {};
    for (var i = 0; i < facets.rows.length; i++) {
      var r = facets.rows[i];
      if (filters.kind && facets.kinds[r[1]][0] !== filters.kind) continue;
      if (filters.material && facets.materials[r[2]] !== filters.material) continue;
      if (filters.hazard && (r[3] < 0 || facets.classes[r[3]] !== filters.hazard)) continue;
      set[r[0]] = true;
    }
    return set;
  }

  /* Ranked matches: [{doc, score, matched}], all groups matched first; with no query, every allowed document in order. */
  Index.prototype.match = function (groups, filters, facets) {
    var ranges = this.ranges(filters), listing = facets ? listingSet(facets, filters) : null;
    function allowed(doc) {
      if (listing && !listing[doc]) return false;
      for (var i = 0; i < ranges.length; i++) if (doc >= ranges[i][0] && doc < ranges[i][1]) return true;
      return false;
    }
    var results = [], doc;
    if (groups.length === 0) {
      for (var r = 0; r < ranges.length; r++)
        for (doc = ranges[r][0]; doc < ranges[r][1]; doc++) if (allowed(doc)) results.push({ doc: doc, score: 0, matched: 0 });
      return { results: results, partial: false };
    }
    // A page that matches more of the query ranks first, then one whose words match whole rather than as
    // prefixes ("77" before "775"), then by score.
    var totals = {}, counts = {}, exacts = {};
    for (var g = 0; g < groups.length; g++) {
      var found = this.groupScores(groups[g]), scores = found.scores;
      for (var key in scores) if (scores.hasOwnProperty(key)) {
        totals[key] = (totals[key] || 0) + scores[key];
        counts[key] = (counts[key] || 0) + 1;
        if (found.exact[key]) exacts[key] = (exacts[key] || 0) + 1;
      }
    }
    var partial = true;
    for (var k in totals) if (totals.hasOwnProperty(k)) {
      doc = +k;
      if (!allowed(doc)) continue;
      if (counts[k] === groups.length) partial = false;
      results.push({ doc: doc, score: totals[k], matched: counts[k], exact: exacts[k] || 0 });
    }
    if (!partial) results = results.filter(function (x) { return x.matched === groups.length; });
    results.sort(function (a, b) { return b.matched - a.matched || b.exact - a.exact || b.score - a.score || a.doc - b.doc; });
    return { results: results, partial: partial && results.length > 0 };
  };

  /* Loads the documents' data (path, title, date, text) and calls done(list). */
  Index.prototype.documents = function (docs, done) {
    var starts = this.entry.docs, names = [], seen = {}, self = this;
    for (var i = 0; i < docs.length; i++) {
      var name = "d" + lastAtMost(starts, docs[i]);
      if (!seen[name]) { seen[name] = true; names.push(this.file(name)); }
    }
    loadAll(this.base, names, function (data) {
      if (!data) { done(null); return; }
      var out = [];
      for (var j = 0; j < docs.length; j++) {
        var c = lastAtMost(starts, docs[j]), d = data[self.file("d" + c)][docs[j] - starts[c]];
        var group = self.groupOf(docs[j]);
        out.push({ doc: docs[j], path: d[0], title: d[1], date: d[2], text: d[3], lang: d[4] || null,
          park: self.entry.parks[group[0]][1], category: self.entry.categories[group[1]][1] });
      }
      done(out);
    });
  };

  var indexes = {};

  /* Loads the index whose entry is base + "index.js" (once per page). */
  function open(base, done) {
    if (indexes[base]) { done(indexes[base]); return; }
    load(base, "index", function (entry) {
      if (!entry) { done(null); return; }
      done(indexes[base] = new Index(base, entry));
    });
  }

  /* Searches: done({results, partial, total, documents}) with the first `count` documents loaded, or done(null). */
  function search(base, query, filters, count, done) {
    open(base, function (index) {
      if (!index) { done(null); return; }
      var groups = parse(query), names = [], seen = {};
      for (var g = 0; g < groups.length; g++)
        for (var a = 0; a < groups[g].alts.length; a++) {
          var chunkNames = index.chunkNames(groups[g].alts[a]);
          for (var c = 0; c < chunkNames.length; c++) {
            var name = index.file(chunkNames[c]);
            if (!seen[name]) { seen[name] = true; names.push(name); }
          }
        }
      if (listingFiltered(filters) && index.entry.listings) names.push(index.file("f"));
      loadAll(base, names, function (data) {
        if (!data) { done(null); return; }
        var facets = index.entry.listings && listingFiltered(filters) ? data[index.file("f")] : null;
        var m = index.match(groups, filters, facets);
        var first = [];
        for (var i = 0; i < m.results.length && i < count; i++) first.push(m.results[i].doc);
        index.documents(first, function (docs) {
          if (!docs) { done(null); return; }
          done({ index: index, groups: groups, results: m.results, partial: m.partial, documents: docs });
        });
      });
    });
  }

  // ---- snippets ----

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* Folded needles to highlight: each CJK run or word as typed, and a stemmed word's stem. */
  function needles(groups) {
    var out = [], seen = {};
    function add(s) { if (s && !seen[s]) { seen[s] = true; out.push(s); } }
    for (var i = 0; i < groups.length; i++) {
      add(groups[i].mark);
      if (groups[i].stem && groups[i].stem.length >= 3) add(groups[i].stem);
    }
    out.sort(function (a, b) { return b.length - a.length; });
    return out;
  }

  /* Length of the text at i that matches needle, or 0. A word needle matches at the start of a word only, and
     across joiners, so "90024908" marks "900-249-08". */
  function matchAt(folded, i, needle) {
    var first = needle.charCodeAt(0);
    if (isWordChar(first) && i > 0 && isWordChar(folded.charCodeAt(i - 1))) return 0;
    var j = 0, k = i;
    while (j < needle.length && k < folded.length) {
      if (folded.charAt(k) === needle.charAt(j)) { k++; j++; }
      else if (j > 0 && isWordChar(first) && isJoiner(folded.charAt(k)) && !isJoiner(needle.charAt(j))) k++;
      else return 0;
    }
    return j === needle.length ? k - i : 0;
  }

  function matchAny(folded, i, marks) {
    for (var n = 0; n < marks.length; n++) {
      var length = matchAt(folded, i, marks[n]);
      if (length) return length;
    }
    return 0;
  }

  /* Marks every needle in text[from, to) (folding keeps positions: one unit in, one unit out). */
  function highlight(text, marks, from, to) {
    var folded = fold(text), html = "", i = from;
    while (i < to) {
      var hit = Math.min(matchAny(folded, i, marks), to - i);
      if (hit) { html += "<mark>" + escapeHtml(text.substr(i, hit)) + "</mark>"; i += hit; }
      else { html += escapeHtml(text.charAt(i)); i++; }
    }
    return html;
  }

  var SNIPPET = 140;

  /* About SNIPPET characters around the first match, or the start of the text. */
  function snippet(text, marks) {
    var folded = fold(text), at = -1;
    for (var i = 0; i < folded.length && at < 0; i++) if (matchAny(folded, i, marks)) at = i;
    var from = at < 0 ? 0 : Math.max(0, at - 40), to = Math.min(text.length, from + SNIPPET);
    return (from > 0 ? "…" : "") + highlight(text, marks, from, to) + (to < text.length ? "…" : "");
  }

  // ---- the search page ----

  function params() {
    var out = {}, q = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < q.length; i++) {
      if (!q[i]) continue;
      var eq = q[i].indexOf("="), k = eq < 0 ? q[i] : q[i].substring(0, eq), v = eq < 0 ? "" : q[i].substring(eq + 1);
      try { out[decodeURIComponent(k.replace(/\+/g, " "))] = decodeURIComponent(v.replace(/\+/g, " ")); } catch (e) { /* a malformed escape: ignore it */ }
    }
    return out;
  }

  function setValue(id, value) {
    var el = document.getElementById(id);
    if (el && value) el.value = value;
  }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[+i]; });
  }

  function renderResults(box, found, root, shown, more) {
    var marks = needles(found.groups), list = box.getElementsByTagName("ol")[0];
    for (var i = 0; i < found.documents.length; i++) {
      var d = found.documents[i], li = document.createElement("li"), lang = d.lang ? " lang=\"" + escapeHtml(d.lang) + "\"" : "";
      var meta = escapeHtml(d.park) + " · " + escapeHtml(d.category) + (d.date ? " · <time datetime=\"" + d.date + "\">" + d.date + "</time>" : "");
      li.innerHTML = "<h3><a href=\"" + escapeHtml(root + d.path) + "\"" + lang + ">" + highlight(d.title, marks, 0, d.title.length) + "</a></h3>" +
        "<p class=\"meta\">" + meta + "</p>" + (d.text ? "<p class=\"snippet\"" + lang + ">" + snippet(d.text, marks) + "</p>" : "");
      list.appendChild(li);
    }
    more.style.display = shown < found.results.length ? "" : "none";
  }

  function page() {
    var box = document.getElementById("search-results");
    if (!box || !document.createElement("div").appendChild) return;
    var base = box.getAttribute("data-index"), root = box.getAttribute("data-root") || "";
    var p = params(), query = p.q || "";
    var filters = { park: p.park || "", category: p.category || "", kind: p.kind || "", material: p.material || "", hazard: p.hazard || "" };
    setValue("search-q", query);
    setValue("search-park", filters.park);
    setValue("search-category", filters.category);
    setValue("search-kind", filters.kind);
    setValue("search-material", filters.material);
    setValue("search-hazard", filters.hazard);
    if (!/\S/.test(query) && !filters.park && !filters.category && !listingFiltered(filters)) return;

    function text(k) { return box.getAttribute("data-t-" + k) || ""; }
    var status = document.getElementById("search-status"), browse = document.getElementById("search-browse");
    status.innerHTML = escapeHtml(text("loading"));
    search(base, query, filters, PAGE, function (found) {
      if (!found) { status.innerHTML = escapeHtml(text("error")); box.setAttribute("data-state", "error"); return; }
      if (browse && found.results.length > 0) browse.style.display = "none";
      var heading = document.createElement("h2");
      heading.id = "search-results-heading";
      heading.innerHTML = escapeHtml(text("heading"));
      box.appendChild(heading);
      var list = document.createElement("ol");
      list.className = "search-results-list";
      box.appendChild(list);
      var more = document.createElement("button");
      more.type = "button";
      more.className = "search-more";
      more.innerHTML = escapeHtml(text("more"));
      box.appendChild(more);
      var shown = found.documents.length;
      status.innerHTML = escapeHtml(found.results.length === 0 ? text("none")
        : format(text(found.partial ? "partial" : "count"), [found.results.length]));
      renderResults(box, found, root, shown, more);
      box.setAttribute("data-state", "done");
      more.onclick = function () {
        var next = [];
        for (var i = shown; i < found.results.length && i < shown + PAGE; i++) next.push(found.results[i].doc);
        found.index.documents(next, function (docs) {
          if (!docs) return;
          shown += docs.length;
          renderResults(box, { groups: found.groups, documents: docs, results: found.results }, root, shown, more);
        });
      };
    });
  }

  EcoSearch.fold = fold;
  EcoSearch.tokens = tokens;
  EcoSearch.stem = stem;
  EcoSearch.parse = parse;
  EcoSearch.snippet = function (text, query) { return snippet(text, needles(parse(query))); };
  /* For scripts and tests: search(base, query, filters, count, done) with base the folder of index.js. */
  EcoSearch.search = search;

  if (document.readyState === "loading" && document.addEventListener) document.addEventListener("DOMContentLoaded", page);
  else page();
})(window, document);
