// Evidence site behaviour: sortable tables and filters. Plain JavaScript,
// no network, works from file://. Every page stays readable without it.
(function () {
  "use strict";

  // Sortable tables: click a header to sort by that column; a cell's
  // data-sort attribute, if any, is the key. Numbers sort numerically.
  var SEVERITY = { critical: 0, high: 1, medium: 2, low: 3, warning: 4 };
  function key(cell) {
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    if (v === null) v = cell.textContent.trim();
    if (v in SEVERITY) return SEVERITY[v];
    var n = Number(v.replace(/[^0-9.\-]/g, ""));
    if (v !== "" && /^-?[0-9.,]+$/.test(v) && !isNaN(n)) return n;
    return v.toLowerCase();
  }
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) { return { r: r, i: i, k: key(r.cells[col]) }; });
    rows.sort(function (a, b) {
      if (a.k < b.k) return -dir;
      if (a.k > b.k) return dir;
      return a.i - b.i;
    });
    rows.forEach(function (x) { body.appendChild(x.r); });
  }
  function initSort(table) {
    if (!table.tHead || !table.tHead.rows.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      th.addEventListener("click", function () { sortTable(table, col, th); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortTable(table, col, th); }
      });
    });
  }

  // Filters: a form.filter with data-filter-target hides the target's
  // .filterable elements (or tbody rows) that do not match. Field names
  // other than q match data-* attributes. The hash (#status=gap) presets
  // them, so links from the dashboard land filtered.
  function initFilter(form) {
    var target = document.querySelector(form.getAttribute("data-filter-target"));
    if (!target) return;
    var items = target.querySelectorAll(".filterable");
    if (!items.length) items = target.querySelectorAll("tbody tr");
    var out = form.querySelector("output");
    function apply() {
      var q = (form.elements.q && form.elements.q.value || "").trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(items, function (el) {
        var ok = true;
        Array.prototype.forEach.call(form.elements, function (f) {
          if (!f.name || f.name === "q" || !f.value) return;
          if (el.getAttribute("data-" + f.name) !== f.value) ok = false;
        });
        if (ok && q) ok = el.textContent.toLowerCase().indexOf(q) >= 0 || (el.getAttribute("data-id") || "").toLowerCase().indexOf(q) >= 0;
        el.classList.toggle("filter-hidden", !ok);
        if (ok) shown++;
      });
      if (out) out.textContent = shown + " of " + items.length + " shown";
    }
    function fromHash() {
      location.hash.slice(1).split("&").forEach(function (pair) {
        var kv = pair.split("=");
        if (kv.length !== 2) return;
        var name = decodeURIComponent(kv[0]), f = form.elements[name];
        if (f && f.name === name) f.value = decodeURIComponent(kv[1]);
      });
    }
    // The filter is kept in the hash, so that reloading the page, or
    // going to the next page of a split table, keeps it.
    function toHash() {
      var parts = [];
      Array.prototype.forEach.call(form.elements, function (f) {
        if (f.name && f.value) parts.push(encodeURIComponent(f.name) + "=" + encodeURIComponent(f.value));
      });
      var h = parts.join("&");
      if (h || location.hash.indexOf("=") >= 0) history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    }
    form.addEventListener("input", toHash);
    form.addEventListener("change", toHash);
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    window.addEventListener("hashchange", function () { fromHash(); apply(); });
    fromHash();
    apply();
  }

  // A pager's links carry the filter in the hash to the next page.
  function initPager(nav) {
    nav.addEventListener("click", function (e) {
      var a = e.target.closest("a");
      if (a && location.hash.indexOf("=") >= 0) a.hash = location.hash;
    });
  }

  // gaps.html#F-… names a finding by its ID; one on a later page of the
  // gaps list is looked up in gaps-pages.js, and the page shown instead.
  function findFinding(el) {
    var m = /^#(F-[0-9a-f]{12}(?:-[0-9]+)?)$/.exec(location.hash);
    if (!m || document.getElementById(m[1])) return;
    window.siteGapsPages = function (pages) {
      var n = pages[m[1]];
      if (n > 1) location.replace("gaps--page-" + n + ".html#" + m[1]);
    };
    var s = document.createElement("script");
    s.src = el.getAttribute("data-finding-pages");
    document.head.appendChild(s);
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-finding-pages]"), function (el) {
      findFinding(el);
      window.addEventListener("hashchange", function () { findFinding(el); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), initSort);
    Array.prototype.forEach.call(document.querySelectorAll("form.filter"), initFilter);
    Array.prototype.forEach.call(document.querySelectorAll("nav.pager"), initPager);
  });
})();
