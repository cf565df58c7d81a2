// Who acts on whom: a force-directed network, nodes sized by events, edges by count; click to the actor.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("network-status");
  if (!window.d3) { status.textContent = "Chart library is not installed."; return; }
  var box = document.getElementById("network");
  var width = Math.max(600, box.clientWidth), height = Math.max(420, box.clientHeight);
  var SECTOR_COLOURS = { GOV: "#377eb8", MIL: "#d7191c", COP: "#e7298a", REB: "#a6761d", CVL: "#66a61e",
                         OPP: "#7570b3", PTY: "#17becf", JUD: "#666666", LEG: "#e6ab02", SPY: "#444444" };

  fetch("/api/network?limit=150&" + C.filterQuery().toString()).then(function (r) { return r.json(); }).then(function (data) {
    if (!data.nodes.length) { status.textContent = "No actor-recipient pairs match."; return; }
    var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
    var links = data.edges.map(function (e) { return { source: e.source, target: e.target, n: e.n }; });
    var r = d3.scaleSqrt().domain([1, d3.max(nodes, function (n) { return n.n; })]).range([5, 26]);
    var w = d3.scaleLinear().domain([1, d3.max(links, function (l) { return l.n; })]).range([1, 7]);
    var svg = d3.select(box).append("svg").attr("width", width).attr("height", height);
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8)
      .attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#98a2b3");
    var link = svg.append("g").selectAll("line").data(links).join("line").attr("class", "edge")
      .attr("stroke-width", function (l) { return w(l.n); }).attr("marker-end", "url(#arrow)");
    link.append("title").text(function (l) { return l.n + " events"; });
    var node = svg.append("g").selectAll("circle").data(nodes).join("circle").attr("class", "node")
      .attr("r", function (n) { return r(n.n); })
      .attr("fill", function (n) { return SECTOR_COLOURS[n.sector] || "#999"; })
      .attr("data-actor", function (n) { return n.id; })
      .on("click", function (event, n) { window.location.href = "/actors/" + encodeURIComponent(n.id); });
    node.append("title").text(function (n) { return n.name + (n.country ? " [" + n.country + (n.sector ? "/" + n.sector : "") + "]" : "") + ": " + n.n + " events"; });
    var label = svg.append("g").selectAll("text").data(nodes).join("text").text(function (n) { return n.name; });
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(90))
      .force("charge", d3.forceManyBody().strength(-260))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("collide", d3.forceCollide().radius(function (n) { return r(n.n) + 4; }));
    function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
    sim.on("tick", function () {
      nodes.forEach(function (n) { n.x = clamp(n.x, 30, width - 30); n.y = clamp(n.y, 30, height - 30); });
      link.attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
        .attr("x2", function (l) {
          var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
          return l.target.x - dx / d * (r(l.target.n) + 2);
        })
        .attr("y2", function (l) {
          var dx = l.target.x - l.source.x, dy = l.target.y - l.source.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
          return l.target.y - dy / d * (r(l.target.n) + 2);
        });
      node.attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; });
      label.attr("x", function (n) { return n.x + r(n.n) + 3; }).attr("y", function (n) { return n.y + 4; });
    });
    sim.on("end", function () { box.setAttribute("data-ready", "1"); });
    setTimeout(function () { sim.stop(); box.setAttribute("data-ready", "1"); }, 4000);
    status.textContent = nodes.length + " actors, " + links.length + " actor → recipient pairs (size: events; click an actor).";
  }).catch(function (e) { status.textContent = "Could not load the network: " + e; });
})();
