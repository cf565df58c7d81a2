// The map: events at town level as points (clustered when dense, coloured by type); events the
// text places only in a country shade that country, and those placed only in a province or
// region are proportional circles, so nothing vague looks like a point in a town.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("map-status");
  var box = document.getElementById("map");
  if (!window.L || !window.topojson) { status.textContent = "Map libraries are not installed."; return; }
  var params = C.filterQuery();
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 20], 2);
  window.chronicleMap = map;  // for tests and the console
  var SHADES = ["#fde0c5", "#facba6", "#f8b58b", "#f59e72", "#f2855d"];

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || ("HTTP " + r.status)); });
      return r.json();
    });
  }

  var outlines = getJSON("/vendor/countries-110m.json").then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    // Antarctica is dropped (no news happens on its outline); rings crossing the antimeridian
    // (Russia, Fiji) are carried past 180 degrees so Leaflet does not draw a line across the map.
    countries.features = countries.features.filter(function (f) { return f.id !== "010"; });
    countries.features.forEach(function (f) {
      var g = f.geometry; if (!g) return;
      var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polys.forEach(function (poly) { poly.forEach(function (ring) {
        var east = ring.some(function (c) { return c[0] > 160; }), west = ring.some(function (c) { return c[0] < -160; });
        if (east && west) ring.forEach(function (c) { if (c[0] < 0) c[0] += 360; });
      }); });
    });
    var layers = {};
    L.geoJSON(countries, { style: { color: "#8a94a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
                           onEachFeature: function (f, layer) { layers[f.id] = layer; } }).addTo(map);
    return layers;
  }).catch(function () { return {}; /* outlines are decoration: events still show */ });

  // A cluster takes the colour of the type most of its events have, and shows how many it holds.
  function clusterIcon(c) {
    var tally = {}, best = null;
    c.getAllChildMarkers().forEach(function (m) {
      var t = m.options.eventType;
      tally[t] = (tally[t] || 0) + 1;
      if (best === null || tally[t] > tally[best]) best = t;
    });
    var n = c.getChildCount();
    var size = n < 10 ? 26 : n < 100 ? 32 : n < 1000 ? 40 : 48;
    var label = document.createElement("span");
    label.textContent = String(n);
    return L.divIcon({ html: label.outerHTML, className: "marker-cluster event-cluster t-" + best,
                       iconSize: [size, size] });
  }

  function row(boxEl, name, value) {
    if (value === null || value === undefined || value === "") return;
    var r = C.el("div", "popup-row");
    r.appendChild(C.el("span", "popup-key", name));
    r.appendChild(C.el("span", "popup-" + name, value));
    boxEl.appendChild(r);
  }

  // A point's popup: loaded when opened (a compact point carries only what the map draws).
  function pointPopup(p, marker) {
    var el = C.el("div", "popup");
    var head = C.el("div");
    head.appendChild(C.el("span", "type t-" + p[3], p[3]));
    el.appendChild(head);
    el.appendChild(C.el("div", "popup-loading", "Loading…"));
    getJSON("/api/events/" + encodeURIComponent(p[0])).then(function (e) {
      el.removeChild(el.querySelector(".popup-loading"));
      if (e.mode) head.appendChild(C.el("span", "mode", e.mode));
      row(el, "date", (e.date || e.day_first || "") + (e.historical ? " (background)" : ""));
      row(el, "actor", e.actor_names);
      row(el, "recipient", e.recipient_names);
      row(el, "place", [e.place_name, e.country_code ? C.countryName(e.country_code) : null].filter(Boolean).join(", "));
      row(el, "deaths", e.fatalities);
      if (e.sentence) el.appendChild(C.el("blockquote", "popup-evidence", e.sentence));
      var a = C.el("a", "to-article", "Open the evidence in the article");
      a.href = C.articleHref(p[4], p[5]);
      el.appendChild(a);
      marker.getPopup() && marker.getPopup().update();
    }).catch(function (err) { el.appendChild(C.el("div", "warn", "Could not load the event: " + err.message)); });
    return el;
  }

  function areaPopup(a) {
    var el = C.el("div", "popup area-popup");
    el.appendChild(C.el("strong", null, (a.feature === "country" ? a.country : a.name + (a.country ? ", " + a.country : ""))));
    el.appendChild(C.el("div", "popup-precision", a.n + " events placed only at " +
      (a.feature === "admin1" ? "province" : a.feature) + " level (no town named)"));
    row(el, "deaths", a.fatalities);
    var types = Object.keys(a.types).sort(function (x, y) { return a.types[y] - a.types[x]; }).slice(0, 5);
    var t = C.el("div", "popup-types");
    types.forEach(function (k) { var s = C.el("span", "type t-" + k, k + " " + a.types[k]); t.appendChild(s); });
    el.appendChild(t);
    if (a.country_code) {
      var p = C.filterQuery(); p.set("country", a.country_code);
      var link = C.el("a", "to-events", "List the events in " + a.country);
      link.href = "/?" + p.toString();
      el.appendChild(link);
    }
    return el;
  }

  function shade(n, max) {
    var i = Math.min(SHADES.length - 1, Math.floor(Math.sqrt(n / max) * SHADES.length));
    return SHADES[i];
  }

  var pointsQ = new URLSearchParams(params); pointsQ.set("precision", "town");
  Promise.all([getJSON("/api/points?" + pointsQ.toString()), getJSON("/api/areas?" + params.toString()), outlines])
    .then(function (res) {
      var data = res[0], areas = res[1].areas, countryLayers = res[2];
      var seen = {}, latlngs = [], icons = {};
      var markers = data.points.map(function (p) {
        seen[p[3]] = true;
        latlngs.push([p[1], p[2]]);
        // one icon per type, shared by its markers (tens of thousands of points)
        var icon = icons[p[3]] || (icons[p[3]] = L.divIcon({ className: "event-marker t-" + p[3], iconSize: [14, 14] }));
        var m = L.marker([p[1], p[2]], { icon: icon, title: p[3] + " " + p[6], eventType: p[3] });
        // built once per marker: Leaflet calls this again on every update of the popup
        var content = null;
        m.bindPopup(function () { return content || (content = pointPopup(p, m)); }, { maxWidth: 360 });
        return m;
      });
      // areas: countries shaded on their outline, provinces and regions as circles sized by events
      var maxN = Math.max.apply(null, areas.map(function (a) { return a.n; }).concat([1]));
      var wide = 0, symbols = L.layerGroup().addTo(map);
      areas.forEach(function (a) {
        wide += a.n;
        Object.keys(a.types).forEach(function (t) { seen[t] = true; });
        var layer = a.feature === "country" && a.iso_n3 ? countryLayers[a.iso_n3] : null;
        if (layer) {
          layer.setStyle({ fillColor: shade(a.n, maxN), fillOpacity: 0.9, color: "#b5651d", weight: 1.2 });
          layer.bindPopup(areaPopup(a));
          layer.bindTooltip((a.country || a.name) + ": " + a.n + " country-level events", { sticky: true });
          var path = layer.getElement && layer.getElement();
          if (path) { path.classList.add("area-country"); path.setAttribute("data-country", a.country_code); path.setAttribute("data-n", a.n); }
          latlngs.push([a.lat, a.lon]);
          return;
        }
        if (a.lat === null || a.lon === null) return;
        var circle = L.circleMarker([a.lat, a.lon], { radius: 8 + 22 * Math.sqrt(a.n / maxN), className: "area-symbol",
          color: "#b5651d", weight: 2, dashArray: "4 3", fillColor: "#f59e72", fillOpacity: 0.25 });
        circle.bindPopup(areaPopup(a));
        circle.bindTooltip(a.name + ": " + a.n + " " + (a.feature === "admin1" ? "province" : a.feature) + "-level events");
        circle.addTo(symbols);
        var el = circle.getElement && circle.getElement();
        if (el) { el.setAttribute("data-feature", a.feature); el.setAttribute("data-n", a.n); }
        latlngs.push([a.lat, a.lon]);
      });
      C.legend(document.getElementById("legend"), Object.keys(seen).sort());
      var text = data.points.length + " town-level events" +
        (data.truncated ? " (the most recent; narrow the filters to see others)" : "") +
        " · " + wide + " placed only at country or province level (shaded countries, dashed circles)";
      function ready() {
        status.textContent = text;
        box.setAttribute("data-points", String(markers.length));
        box.setAttribute("data-area-events", String(wide));
        box.setAttribute("data-ready", "1");
      }
      // the view fits the events' own coordinates, known now (the cluster layer's bounds are
      // not, while it is still adding markers in chunks)
      var bounds = L.latLngBounds(latlngs);
      if (latlngs.length && bounds.isValid()) map.fitBounds(bounds.pad(0.1), { maxZoom: 8 });
      if (!markers.length) { ready(); return; }
      var cluster = L.markerClusterGroup({ maxClusterRadius: 45, chunkedLoading: true, spiderfyOnMaxZoom: true,
        iconCreateFunction: clusterIcon,
          // called before the last chunk is put on the map (ready once that has run), and also for
        // batches the cluster layer adds itself while the view moves: only our batch's end counts
        chunkProgress: function (done, total) {
          if (total === markers.length && done >= total) setTimeout(ready, 0);
        } });
      window.chronicleCluster = cluster;
      map.addLayer(cluster);
      cluster.addLayers(markers);
    }).catch(function (e) { status.textContent = "Could not load events: " + e.message; });
})();
