/* EcoSite exchange filter: an optional speed-up of the regional exchange page (issue 13). Plain ES5, no dependencies,
   no build step. Without JavaScript the page shows every listing and its filter links lead to generated pages
   (exchange/park-<id>.html, kind-*.html, class-hwNN.html); this script only adds, in the empty, hidden
   <div class="exchange-live" data-enhancement>, a form that narrows the same listings in place: by material text and
   by the same park, kind and hazardous class as those pages. Each listing names the filter pages that keep it
   (data-filters), and each filter link names its page (data-filter), so both ways always agree. The number of
   listings shown is announced in a polite live region. */
(function (document) {
  "use strict";

  var box = document.querySelector(".exchange-live");
  var nav = document.querySelector(".exchange-filters");
  if (!box || !nav || !document.addEventListener || !("hidden" in box)) return;

  var items = [].slice.call(document.querySelectorAll("main li[data-filters]"));
  var groups = [].slice.call(document.querySelectorAll("main .exchange-group"));
  var expired = document.querySelector("main ul.expired");
  var serial = 0;

  // Case and full-width forms do not matter: "ＰＶＣ" finds "pvc".
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      out += c >= 0xFF01 && c <= 0xFF5E ? String.fromCharCode(c - 0xFEE0) : c === 0x3000 ? " " : text.charAt(i);
    }
    return out.toLowerCase().replace(/\s+/g, " ").replace(/^ | $/g, "");
  }

  function field(labelText, control) {
    var wrap = document.createElement("div");
    var label = document.createElement("label");
    control.id = "exchange-live-" + (++serial);
    label.htmlFor = control.id;
    label.appendChild(document.createTextNode(labelText));
    wrap.appendChild(label);
    wrap.appendChild(control);
    return wrap;
  }

  var form = document.createElement("form");
  form.className = "search-form exchange-live-form";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", box.getAttribute("data-label"));
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var heading = document.createElement("h2");
  heading.appendChild(document.createTextNode(box.getAttribute("data-label")));
  var row = document.createElement("div");
  row.className = "search-filters";
  var input = document.createElement("input");
  input.type = "search";
  input.autocomplete = "off";
  row.appendChild(field(box.getAttribute("data-text-label"), input));

  // One select per facet of the filter links (park, kind, class): "all" (the link without data-filter), then its values.
  var selects = [];
  var facets = nav.querySelectorAll("dl > div");
  for (var f = 0; f < facets.length; f++) {
    var links = facets[f].querySelectorAll("a[data-filter]");
    if (!links.length) continue;
    var select = document.createElement("select");
    var all = facets[f].querySelector("a:not([data-filter])");
    select.appendChild(new Option(all ? all.textContent : "", ""));
    for (var k = 0; k < links.length; k++) {
      var option = new Option(links[k].textContent, links[k].getAttribute("data-filter"));
      if (links[k].lang) option.lang = links[k].lang;
      select.appendChild(option);
    }
    var dt = facets[f].querySelector("dt");
    row.appendChild(field(dt ? dt.textContent : "", select));
    selects.push(select);
  }

  var status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  function apply() {
    var query = fold(input.value);
    var chosen = [];
    for (var s = 0; s < selects.length; s++) if (selects[s].value) chosen.push(" " + selects[s].value + " ");
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var keys = " " + items[i].getAttribute("data-filters") + " ";
      var keep = !query || fold(items[i].textContent).indexOf(query) >= 0;
      for (var c = 0; keep && c < chosen.length; c++) keep = keys.indexOf(chosen[c]) >= 0;
      items[i].hidden = !keep;
      if (keep) shown++;
    }
    // A material group, or the expired list, with nothing left to show is hidden whole.
    for (var g = 0; g < groups.length; g++) groups[g].hidden = !groups[g].querySelector("li[data-filters]:not([hidden])");
    if (expired) expired.parentNode.hidden = !expired.querySelector("li[data-filters]:not([hidden])");
    status.textContent = box.getAttribute("data-count").replace("{0}", shown).replace("{1}", items.length);
  }

  input.addEventListener("input", apply);
  for (var s = 0; s < selects.length; s++) selects[s].addEventListener("change", apply);
  form.appendChild(heading);
  form.appendChild(row);
  form.appendChild(status);
  box.appendChild(form);
  apply();
  box.hidden = false;
})(document);
