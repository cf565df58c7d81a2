// Shared by every page: the colour of each PLOVER type, and nav links that keep the current filters.
(function () {
  "use strict";
  var TYPE_COLOURS = {
    AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#4daf4a", CONCEDE: "#a6d854", COOPERATE: "#17becf",
    AID: "#377eb8", RETREAT: "#80b1d3", REQUEST: "#bc80bd", ACCUSE: "#e6ab02", REJECT: "#a6761d",
    THREATEN: "#fdb462", PROTEST: "#7570b3", SANCTION: "#666666", MOBILIZE: "#d95f02", COERCE: "#e7298a",
    ASSAULT: "#d7191c"
  };
  var KNOWN = /^[A-Z]+$/;

  function colour(type) { return TYPE_COLOURS[type] || "#888888"; }

  // Filter parameters only (paging is per view).
  function filterQuery(search) {
    var params = new URLSearchParams(search === undefined ? window.location.search : search);
    params.delete("offset"); params.delete("limit");
    Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) params.delete(k); });
    return params;
  }

  function updateNav(params) {
    var q = params.toString();
    document.querySelectorAll("#views a[data-view]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("data-view") + (q ? "?" + q : ""));
    });
  }

  function legend(el, types) {
    if (!el) return;
    el.textContent = "";
    types.forEach(function (t) {
      var s = document.createElement("span");
      s.className = "type" + (KNOWN.test(t) ? " t-" + t : "");
      s.textContent = t;
      el.appendChild(s);
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function articleHref(articleId, idx) {
    return "/articles/" + encodeURIComponent(articleId) + (idx === undefined ? "" : "#event-" + idx);
  }

  var regionNames = null;
  try { regionNames = new Intl.DisplayNames(["en"], { type: "region" }); } catch (e) { /* an old browser: codes */ }
  function countryName(code) {
    if (!code) return "";
    try { return (regionNames && regionNames.of(code)) || code; } catch (e) { return code; }
  }

  window.Chronicle = { colour: colour, filterQuery: filterQuery, updateNav: updateNav, legend: legend, el: el,
                       articleHref: articleHref, countryName: countryName, types: Object.keys(TYPE_COLOURS) };
  updateNav(filterQuery());
  // Empty filter fields stay out of the URL.
  var form = document.getElementById("filters");
  if (form) form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (f) { if (!f.value) f.disabled = true; });
  });
})();
