// Who acts on whom: actors (sized by events, coloured by sector) and actor -> recipient edges
// (width: events, colour: their main event type). The layout is computed to the end before it is
// drawn (no timer), then fitted to the view; zoom and pan with the wheel and a drag. The 50 most
// active actors are labelled, each label placed where it overlaps no other; the rest show
// their name on hover. A slider hides pairs with fewer events, a box finds an actor.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("network-status");
  if (!window.d3) { status.textContent = "Chart library is not installed."; return; }
  var box = document.getElementById("network");
  var width = Math.max(600, box.clientWidth), height = Math.max(420, box.clientHeight);
  var SECTORS = { GOV: ["government", "#377eb8"], MIL: ["military", "#d7191c"], COP: ["police", "#e7298a"],
                  REB: ["rebels", "#a6761d"], CVL: ["civilians", "#66a61e"], OPP: ["opposition", "#7570b3"],
                  PTY: ["party", "#17becf"], JUD: ["judiciary", "#666666"], LEG: ["legislature", "#e6ab02"],
                  SPY: ["intelligence", "#444444"] };
  var LABELLED = 50, PAD = 24;
  var limitSel = document.getElementById("network-limit"), minInput = document.getElementById("network-min");
  var minOut = document.getElementById("network-min-value"), find = document.getElementById("network-find");

  function sectorColour(s) { return SECTORS[s] ? SECTORS[s][1] : "#999999"; }
  function nodeTitle(n) {
    return n.name + (n.country ? " [" + n.country + (n.sector ? "/" + n.sector : "") + "]" : "") + ": " + n.n + " events";
  }

  function legend(nodes, links) {
    var el = document.getElementById("network-legend");
    el.textContent = "";
    el.appendChild(C.el("span", "legend-title", "Sector:"));
    var sectors = Array.from(new Set(nodes.map(function (n) { return n.sector || ""; }))).sort();
    sectors.forEach(function (s) {
      var item = C.el("span", "legend-item sector-item");
      var sw = C.el("span", "swatch"); sw.style.background = sectorColour(s);
      item.appendChild(sw); item.appendChild(C.el("span", null, s ? s + " (" + (SECTORS[s] ? SECTORS[s][0] : "other") + ")" : "no sector"));
      el.appendChild(item);
    });
    el.appendChild(C.el("span", "legend-title", " Edge: main event type"));
    Array.from(new Set(links.map(function (l) { return l.type; }))).sort().forEach(function (t) {
      var item = C.el("span", "legend-item edge-item");
      var sw = C.el("span", "line-swatch"); sw.style.background = C.colour(t);
      item.appendChild(sw); item.appendChild(C.el("span", null, t));
      el.appendChild(item);
    });
  }

  function overlaps(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

  // Greedy placement, most active first: the first candidate spot (right, left, above, below,
  // then further out) that overlaps no label placed before and no node circle.
  function placeLabels(labelled, r, nodes) {
    var placed = [], circles = nodes.map(function (n) { var k = r(n.n); return { x0: n.x - k, x1: n.x + k, y0: n.y - k, y1: n.y + k }; });
    labelled.forEach(function (n) {
      var w = n.labelW, h = 13, k = r(n.n) + 3, spot = null;
      for (var ring = 0; ring < 12 && !spot; ring++) {
        var d = ring * 9;
        var cands = [[k + d, -h / 2], [-k - d - w, -h / 2], [-w / 2, -k - d - h], [-w / 2, k + d],
                     [k + d, -h / 2 - 14 - d], [k + d, h / 2 + d], [-k - d - w, -h / 2 - 14 - d], [-k - d - w, h / 2 + d]];
        for (var i = 0; i < cands.length; i++) {
          var b = { x0: n.x + cands[i][0], y0: n.y + cands[i][1] };
          b.x1 = b.x0 + w; b.y1 = b.y0 + h;
          var free = !placed.some(function (p) { return overlaps(p, b); }) &&
                     !circles.some(function (c) { return overlaps(c, b); });
          if (free) { spot = b; break; }
        }
      }
      if (!spot) { spot = { x0: n.x + k, y0: n.y - h / 2 }; spot.x1 = spot.x0 + w; spot.y1 = spot.y0 + h; }
      n.label = spot;
      placed.push(spot);
    });
  }

  function draw(data) {
    box.textContent = "";
    box.removeAttribute("data-ready");
    var minW = +minInput.value || 1;
    var links = data.edges.filter(function (e) { return e.n >= minW; })
      .map(function (e) { return { source: e.source, target: e.target, n: e.n, type: e.type, types: e.types }; });
    var used = new Set(); links.forEach(function (l) { used.add(l.source); used.add(l.target); });
    var nodes = data.nodes.filter(function (n) { return used.has(n.id); }).map(function (n) { return Object.assign({}, n); });
    if (!nodes.length) { status.textContent = "No actor-recipient pairs match."; box.setAttribute("data-ready", "1"); return; }
    var r = d3.scaleSqrt().domain([1, d3.max(nodes, function (n) { return n.n; })]).range([4, 22]);
    var w = d3.scaleLinear().domain([1, d3.max(links, function (l) { return l.n; })]).range([1, 6]);
    var byRank = nodes.slice().sort(function (a, b) { return b.n - a.n || a.id - b.id; });
    var labelled = byRank.slice(0, LABELLED);
    labelled.forEach(function (n) { n.labelled = true; });

    // the layout, to the end, before anything is drawn: deterministic and no timer
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(70).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-220))
      .force("x", d3.forceX(width / 2).strength(0.05)).force("y", d3.forceY(height / 2).strength(0.08))
      .force("collide", d3.forceCollide().radius(function (n) { return r(n.n) + (n.labelled ? 14 : 5); }))
      .stop();
    for (var i = 0; i < 320; i++) sim.tick();

    var svg = d3.select(box).append("svg").attr("width", width).attr("height", height);
    var defs = svg.append("defs");
    Array.from(new Set(links.map(function (l) { return l.type; }))).forEach(function (t) {
      // sized in the drawing's units, not by the edge's width (a heavy edge keeps a small head)
      defs.append("marker").attr("id", "arrow-" + t).attr("viewBox", "0 -4 8 8").attr("refX", 8)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
        .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", C.colour(t));
    });
    var view = svg.append("g").attr("class", "view");
    var link = view.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
      .attr("stroke", function (l) { return C.colour(l.type); })
      .attr("stroke-width", function (l) { return w(l.n); }).attr("marker-end", function (l) { return "url(#arrow-" + l.type + ")"; })
      .attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.hypot(dx, dy) || 1; return l.target.x - dx / d * (r(l.target.n) + 2); })
      .attr("y2", function (l) { var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.hypot(dx, dy) || 1; return l.target.y - dy / d * (r(l.target.n) + 2); });
    link.append("title").text(function (l) {
      var kinds = Object.keys(l.types).sort(function (a, b) { return l.types[b] - l.types[a]; })
        .map(function (t) { return t + " " + l.types[t]; }).join(", ");
      return l.source.name + " → " + l.target.name + ": " + l.n + " events (" + kinds + ")";
    });
    var node = view.append("g").selectAll("circle").data(nodes).join("circle").attr("class", "node")
      .attr("r", function (n) { return r(n.n); }).attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; })
      .attr("fill", function (n) { return sectorColour(n.sector); })
      .attr("data-actor", function (n) { return n.id; })
      .on("click", function (event, n) { window.location.href = "/actors/" + encodeURIComponent(n.id); });
    node.append("title").text(nodeTitle);
    var label = view.append("g").selectAll("text").data(labelled).join("text").attr("class", "label top")
      .attr("data-actor", function (n) { return n.id; }).text(function (n) { return n.name; });
    label.each(function (n) { n.labelW = this.getComputedTextLength() + 2; });
    placeLabels(labelled, r, nodes);
    label.attr("x", function (n) { return n.label.x0 + 1; }).attr("y", function (n) { return n.label.y1 - 3; });

    // fit everything (circles and labels) into the view; wheel zooms, drag pans
    var x0 = d3.min(nodes, function (n) { return n.x - r(n.n); }), x1 = d3.max(nodes, function (n) { return n.x + r(n.n); });
    var y0 = d3.min(nodes, function (n) { return n.y - r(n.n); }), y1 = d3.max(nodes, function (n) { return n.y + r(n.n); });
    labelled.forEach(function (n) { x0 = Math.min(x0, n.label.x0); x1 = Math.max(x1, n.label.x1); y0 = Math.min(y0, n.label.y0); y1 = Math.max(y1, n.label.y1); });
    var k = Math.min((width - 2 * PAD) / (x1 - x0 || 1), (height - 2 * PAD) / (y1 - y0 || 1), 2);
    var fit = d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    var zoom = d3.zoom().scaleExtent([k / 4, 12]).on("zoom", function (event) { view.attr("transform", event.transform); });
    svg.call(zoom).call(zoom.transform, fit);

    function focus(query) {
      var q = (query || "").trim().toLowerCase();
      var hits = q ? nodes.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0; }) : [];
      node.classed("match", function (n) { return hits.indexOf(n) >= 0; })
        .classed("dim", function (n) { return q && hits.indexOf(n) < 0; });
      link.classed("dim", function (l) { return q && hits.indexOf(l.source) < 0 && hits.indexOf(l.target) < 0; });
      document.getElementById("network-found").textContent = q ? hits.length + " found" : "";
      if (hits.length === 1) {
        var n = hits[0], kk = Math.max(k, 1.5);
        svg.transition().duration(300).call(zoom.transform,
          d3.zoomIdentity.translate(width / 2, height / 2).scale(kk).translate(-n.x, -n.y));
      }
    }
    find.oninput = function () { focus(find.value); };
    document.getElementById("network-fit").onclick = function () { svg.call(zoom.transform, fit); };
    if (find.value) focus(find.value);
    var names = document.getElementById("network-names");
    names.textContent = "";
    byRank.forEach(function (n) { var o = document.createElement("option"); o.value = n.name; names.appendChild(o); });
    legend(nodes, links);
    status.textContent = nodes.length + " actors, " + links.length + " actor → recipient pairs with at least " + minW +
      " event" + (minW > 1 ? "s" : "") + " (of the " + data.edges.length + " heaviest); size: events, colour: sector; " +
      "the " + Math.min(LABELLED, nodes.length) + " most active are named. Click an actor for its page.";
    box.setAttribute("data-nodes", String(nodes.length));
    box.setAttribute("data-ready", "1");
  }

  var current = null;
  function load() {
    status.textContent = "Loading network…";
    fetch("/api/network?limit=" + encodeURIComponent(limitSel.value) + "&" + C.filterQuery().toString())
      .then(function (r) {
        if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || ("HTTP " + r.status)); });
        return r.json();
      }).then(function (data) {
        current = data;
        var maxW = d3.max(data.edges, function (e) { return e.n; }) || 1;
        minInput.max = String(maxW);
        if (+minInput.value > maxW) minInput.value = String(maxW);
        minOut.textContent = minInput.value;
        draw(data);
      }).catch(function (e) { status.textContent = "Could not load the network: " + e.message; });
  }
  limitSel.addEventListener("change", load);
  minInput.addEventListener("input", function () { minOut.textContent = minInput.value; });
  minInput.addEventListener("change", function () { if (current) draw(current); });
  window.chronicleNetwork = { setMin: function (v) { minInput.value = String(v); minOut.textContent = minInput.value; draw(current); } };
  load();
})();
