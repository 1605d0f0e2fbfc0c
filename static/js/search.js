// Site-wide search: the box in every page's header finds the pages, the
// schedule's headings and paragraphs (id, title, text), the registers, the
// governance evidence, register rows by key and findings by subject. Plain
// JavaScript, no network, works from file://: a page opened from disk
// cannot fetch JSON, so the index (search/*.js, written by
// generator/site/search.go) is a set of scripts, each handing its data to
// siteSearchData. search/index.js is loaded when the box is first used;
// the shards of keys only when a query could begin one of their keys.
// Results are built as text nodes, never as HTML. Without JavaScript the
// box stays hidden.
(function () {
  "use strict";

  var MAX_SHOWN = 50; // results listed
  var MAX_LOADS = 3; // shards of one register a query may load at once

  var box, input, status, list, root = "";
  var main = null; // search/index.js's data
  var shards = {}; // file -> shard data, once loaded
  var pending = {}; // file -> true while loading
  var failed = {}; // file -> true if it could not be loaded

  window.siteSearchData = function (file, data) {
    if (file === "search/index.js") main = data;
    else shards[file] = data;
    delete pending[file];
    search();
  };

  function load(file) {
    if (shards[file] || pending[file] || failed[file] || (file === "search/index.js" && main)) return;
    pending[file] = true;
    var s = document.createElement("script");
    s.src = root + file;
    s.onerror = function () { delete pending[file]; failed[file] = true; search(); };
    document.head.appendChild(s);
  }

  // Keys are compared with ASCII letters folded, and only them: the
  // generator sorts the shards' keys the same way.
  function fold(s) { return s.replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); }); }

  // Could the shard hold a key that begins with q (folded)?
  function mayHold(ref, q) { return ref.first.slice(0, q.length) <= q && ref.last >= q; }

  var KINDS = { page: "Page", paragraph: "Paragraph", section: "Schedule section", register: "Register",
    document: "Governance evidence", subject: "Row", finding: "Finding" };
  var ORDER = { page: 0, paragraph: 1, section: 2, register: 3, document: 4, subject: 5, finding: 6 };

  // atWord reports whether s holds q at the start of a word.
  function atWord(s, q) {
    for (var i = s.indexOf(q); i >= 0; i = s.indexOf(q, i + 1)) {
      if (i === 0 || !/[a-z0-9]/.test(s.charAt(i - 1))) return true;
    }
    return false;
  }

  // score ranks a main index item for the query q (lower case) and its
  // words: 0 the id itself, 1 an id that begins with it, 2 an id that
  // holds it, 3 a word of the title that begins with it, 4 one of the
  // text, 5 every word of the query beginning a word somewhere, 6 the
  // query inside a word; -1 none.
  function score(it, q, words) {
    var id = it[1].toLowerCase(), title = it[2].toLowerCase(), text = it[3].toLowerCase();
    if (id) {
      if (id === q) return 0;
      if (id.indexOf(q) === 0) return 1;
      if (id.indexOf(q) > 0) return 2;
    }
    if (atWord(title, q)) return 3;
    if (atWord(text, q)) return 4;
    var all = id + " " + title + " " + text;
    if (words.length > 1 && words.every(function (w) { return atWord(all, w); })) return 5;
    return all.indexOf(q) >= 0 ? 6 : -1;
  }

  function mainResults(q, out) {
    var words = q.split(/\s+/).filter(Boolean);
    main.items.forEach(function (it, i) {
      var s = score(it, q, words);
      if (s < 0) return;
      var r = { score: s, kind: it[0], n: i, href: it[4] };
      switch (it[0]) {
        case "paragraph": r.label = it[1] + " " + it[2]; r.detail = it[3]; break;
        case "section": r.label = it[1] + " " + it[2]; r.detail = it[3]; break;
        case "register": r.label = it[2]; r.detail = it[1] + " · " + it[3]; break;
        case "document": r.label = it[1] ? it[1] + " " + it[2] : it[2]; r.detail = it[3]; break;
        case "finding": r.label = it[1] || it[2]; r.detail = it[2] + ": " + it[3]; break;
        default: r.label = it[2]; r.detail = "";
      }
      out.push(r);
    });
  }

  // shardResults adds the keys of the loaded shards that begin with fq;
  // it returns the titles of the registers whose shards are too many to
  // load for so short a query.
  function shardResults(fq, out) {
    var groups = {}, order = [];
    main.shards.forEach(function (ref) {
      if (!mayHold(ref, fq)) return;
      var g = ref.kind + " " + ref.title;
      if (!groups[g]) { groups[g] = []; order.push(g); }
      groups[g].push(ref);
    });
    var more = [];
    order.forEach(function (g) {
      var refs = groups[g];
      var missing = refs.filter(function (ref) { return !shards[ref.file] && !failed[ref.file]; });
      if (missing.length > MAX_LOADS) {
        more.push(refs[0].title);
        return;
      }
      missing.forEach(function (ref) { load(ref.file); });
      refs.forEach(function (ref) { if (shards[ref.file]) shardMatches(ref, shards[ref.file], fq, out); });
    });
    return more;
  }

  function shardMatches(ref, data, fq, out) {
    var e = data.entries, lo = 0, hi = e.length;
    while (lo < hi) { // the first key not below fq
      var mid = (lo + hi) >> 1;
      if (fold(e[mid][0]) < fq) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < e.length; i++) {
      var key = fold(e[i][0]);
      if (key.indexOf(fq) !== 0) break;
      var x = e[i], r = { score: key === fq ? 0 : 1, kind: ref.kind, n: i };
      if (ref.kind === "finding") {
        r.label = x[0];
        r.detail = (x[1] ? x[1] + " " : "") + x[2] + " " + x[3];
        r.href = data.pages[x[4]] + "#" + x[5];
      } else {
        r.label = x[0];
        r.detail = ref.title;
        r.href = data.pages[x[1]] + "#" + (x.length > 2 ? x[2] : "row-" + x[0]);
      }
      out.push(r);
    }
  }

  function search() {
    if (!input) return;
    var raw = input.value.trim();
    clear(list);
    if (!raw) {
      status.textContent = "";
      list.hidden = true;
      return;
    }
    if (!main) {
      load("search/index.js");
      status.textContent = failed["search/index.js"] ? "The search index could not be loaded." : "Loading the search index…";
      return;
    }
    var q = raw.toLowerCase(), out = [];
    mainResults(q, out);
    var more = shardResults(fold(raw), out);
    // One result a link: a finding of the first findings is also in a shard.
    var seen = {};
    out = out.filter(function (r) { return seen[r.href] ? false : (seen[r.href] = true); });
    out.sort(function (a, b) { return a.score - b.score || ORDER[a.kind] - ORDER[b.kind] || a.n - b.n; });
    out.slice(0, MAX_SHOWN).forEach(function (r) { list.appendChild(item(r)); });
    list.hidden = out.length === 0;
    var msg = out.length === 0 ? "No results" : out.length === 1 ? "1 result" :
      out.length > MAX_SHOWN ? "The first " + MAX_SHOWN + " of " + out.length.toLocaleString("en-GB") + " results" :
      out.length + " results";
    if (more.length) msg += ". Type more of an id to search the ids of: " + more.join(", ");
    status.textContent = msg + (Object.keys(pending).length ? "; still searching…" : ".");
  }

  function item(r) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = root + r.href;
    span(a, "search-kind", KINDS[r.kind] || r.kind);
    span(a, "search-label", r.label);
    if (r.detail) span(a, "search-detail", r.detail.length > 160 ? r.detail.slice(0, 159) + "…" : r.detail);
    li.appendChild(a);
    return li;
  }

  function span(parent, cls, text) {
    var s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    parent.appendChild(s);
    parent.appendChild(document.createTextNode(" "));
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  document.addEventListener("DOMContentLoaded", function () {
    box = document.querySelector(".site-search");
    if (!box) return;
    input = box.querySelector("input");
    status = box.querySelector(".search-status");
    list = box.querySelector(".search-results");
    root = box.getAttribute("data-root") || "";
    box.hidden = false;
    input.addEventListener("focus", function () { load("search/index.js"); });
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (e) {
      var ls = links();
      if (e.key === "Enter" && ls.length) { e.preventDefault(); ls[0].click(); }
      else if (e.key === "ArrowDown" && ls.length) { e.preventDefault(); ls[0].focus(); }
      else if (e.key === "Escape") { input.value = ""; search(); }
    });
    list.addEventListener("keydown", function (e) {
      var ls = links(), i = ls.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown" && i + 1 < ls.length) { e.preventDefault(); ls[i + 1].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? ls[i - 1] : input).focus(); }
      else if (e.key === "Escape") { e.preventDefault(); input.focus(); }
    });
    if (input.value) search(); // a value the browser kept on going back
  });
})();
