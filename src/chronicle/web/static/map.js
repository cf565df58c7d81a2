// The map: country outlines (shipped TopoJSON), event markers clustered when dense, coloured by type.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("map-status");
  if (!window.L || !window.topojson) { status.textContent = "Map libraries are not installed."; return; }
  var params = C.filterQuery();
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 20], 2);
  window.chronicleMap = map;  // for tests and the console

  fetch("/vendor/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
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
    L.geoJSON(countries, { style: { color: "#8a94a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
                           interactive: false }).addTo(map);
  }).catch(function () { /* outlines are decoration: markers still show */ });

  // A cluster takes the colour of the type most of its events have, and shows how many it holds.
  function clusterIcon(c) {
    var tally = {}, best = null;
    c.getAllChildMarkers().forEach(function (m) {
      var t = m.options.eventType;
      tally[t] = (tally[t] || 0) + 1;
      if (best === null || tally[t] > tally[best]) best = t;
    });
    var n = c.getChildCount();
    var size = n < 10 ? 26 : n < 100 ? 32 : 40;
    var label = document.createElement("span");
    label.textContent = String(n);
    return L.divIcon({ html: label.outerHTML, className: "marker-cluster event-cluster t-" + best,
                       iconSize: [size, size] });
  }
  var cluster = L.markerClusterGroup({ maxClusterRadius: 45, chunkedLoading: true, spiderfyOnMaxZoom: true,
                                       iconCreateFunction: clusterIcon });
  map.addLayer(cluster);

  function popup(p) {
    var box = C.el("div", "popup");
    var head = C.el("div");
    head.appendChild(C.el("span", "type t-" + p[3], p[3]));
    head.appendChild(C.el("span", null, p[6]));
    box.appendChild(head);
    var a = C.el("a", "to-article", "Open the article");
    a.href = C.articleHref(p[4], p[5]);
    box.appendChild(a);
    return box;
  }

  fetch("/api/points?" + params.toString()).then(function (r) { return r.json(); }).then(function (data) {
    var seen = {};
    var markers = data.points.map(function (p) {
      seen[p[3]] = true;
      var icon = L.divIcon({ className: "event-marker t-" + p[3], iconSize: [14, 14] });
      var m = L.marker([p[1], p[2]], { icon: icon, title: p[3] + " " + p[6], eventType: p[3] });
      m.bindPopup(function () { return popup(p); });
      return m;
    });
    cluster.addLayers(markers);
    C.legend(document.getElementById("legend"), Object.keys(seen).sort());
    status.textContent = data.points.length + " located events" + (data.truncated ? " (the most recent; narrow the filters to see others)" : "");
    if (markers.length) map.fitBounds(cluster.getBounds().pad(0.2), { maxZoom: 8 });
    document.getElementById("map").setAttribute("data-ready", "1");
  }).catch(function (e) { status.textContent = "Could not load events: " + e; });
})();
