// The timeline: events stacked by type, binned by day, week, month or year as the range needs
// (about 150 bars at most); news and background (history an article recalls) apart; brushing
// a range zooms to it, lists its events and carries it to the other views.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("timeline-status");
  if (!window.d3) { status.textContent = "Chart library is not installed."; return; }
  var params = C.filterQuery();
  var box = document.getElementById("timeline");
  var tip = document.getElementById("timeline-tip");
  var width = Math.max(600, box.clientWidth), height = 320;
  var margin = { top: 12, right: 16, bottom: 28, left: 48 };
  var parse = d3.utcParse("%Y-%m-%d"), fmt = d3.utcFormat("%Y-%m-%d");
  var MAX_BARS = 150;
  var UNITS = [["day", d3.utcDay, "%Y-%m-%d"], ["week", d3.utcWeek, "week of %Y-%m-%d"],
               ["month", d3.utcMonth, "%B %Y"], ["year", d3.utcYear, "%Y"]];
  var all = { news: [], background: [] }, kind = "news", domain = null;

  function showRange(from, to) {
    var p = C.filterQuery(); p.set("date_from", from); p.set("date_to", to);
    var q = p.toString();
    document.getElementById("brushed").hidden = false;
    document.getElementById("brush-range").textContent = from + " – " + to;
    document.getElementById("brush-events").href = "/?" + q;
    document.getElementById("brush-map").href = "/map?" + q;
    document.getElementById("brush-actors").href = "/actors?" + q;
    C.updateNav(p);
    history.replaceState(null, "", "/timeline?" + q);
    var listQ = new URLSearchParams(p); listQ.set("historical", kind === "news" ? "false" : "true");
    fetch("/api/events?limit=20&" + listQ.toString()).then(function (r) { return r.json(); }).then(function (data) {
      var body = document.querySelector("#brush-table tbody");
      body.textContent = "";
      data.events.forEach(function (e) {
        var tr = C.el("tr", "event-row");
        tr.appendChild(C.el("td", "nowrap", e.date || e.day_first || ""));
        var t = C.el("td"); t.appendChild(C.el("span", "type t-" + e.type, e.type)); tr.appendChild(t);
        tr.appendChild(C.el("td", null, e.actor_names || ""));
        tr.appendChild(C.el("td", null, e.recipient_names || ""));
        tr.appendChild(C.el("td", "evidence", e.sentence || ""));
        var link = C.el("td"); var a = C.el("a", null, e.article_title || e.article_id);
        a.href = "/events/" + e.id; link.appendChild(a); tr.appendChild(link);
        body.appendChild(tr);
      });
      document.getElementById("brush-count").textContent = data.total + " " + kind + " events between " + from + " and " + to;
    });
  }

  // the coarsest unit that still gives detail: the finest with at most MAX_BARS bins
  function unitFor(x0, x1) {
    for (var i = 0; i < UNITS.length; i++) {
      if (UNITS[i][1].count(x0, x1) <= MAX_BARS) return UNITS[i];
    }
    return UNITS[UNITS.length - 1];
  }

  function bins(rows, unit, x0, x1) {
    var map = new Map();
    rows.forEach(function (r) {
      if (r.day < x0 || r.day >= x1) return;
      var key = +unit[1].floor(r.day);
      var b = map.get(key);
      if (!b) { b = { start: new Date(key), n: 0, fatalities: 0, types: {} }; map.set(key, b); }
      b.n += r.n; b.fatalities += r.fatalities; b.types[r.type] = (b.types[r.type] || 0) + r.n;
    });
    return Array.from(map.values()).sort(function (a, b) { return a.start - b.start; });
  }

  function showTip(event, b, unit) {
    tip.textContent = "";
    tip.appendChild(C.el("strong", null, d3.utcFormat(unit[2])(b.start)));
    tip.appendChild(C.el("div", "tip-total", b.n + " " + kind + " events · " + b.fatalities + " deaths stated"));
    Object.keys(b.types).sort(function (x, y) { return b.types[y] - b.types[x]; }).slice(0, 6).forEach(function (t) {
      var line = C.el("div"); line.appendChild(C.el("span", "type t-" + t, t)); line.appendChild(C.el("span", null, " " + b.types[t]));
      tip.appendChild(line);
    });
    tip.hidden = false;
    var rect = box.getBoundingClientRect();
    tip.style.left = Math.min(event.clientX - rect.left + 12, width - 220) + "px";
    tip.style.top = (event.clientY - rect.top + 12) + "px";
  }

  function draw() {
    var rows = all[kind];
    box.textContent = "";
    box.appendChild(tip);
    tip.hidden = true;
    if (!rows.length) { status.textContent = "No dated " + kind + " events match."; box.setAttribute("data-ready", "1"); return; }
    var x0 = domain ? domain[0] : d3.utcDay.floor(d3.min(rows, function (r) { return r.day; }));
    var x1 = domain ? domain[1] : d3.utcDay.offset(d3.max(rows, function (r) { return r.day; }), 1);
    var unit = unitFor(x0, x1);
    var data = bins(rows, unit, x0, x1);
    var types = Array.from(new Set(rows.map(function (r) { return r.type; }))).sort();
    var table = data.map(function (b) { var o = { start: b.start, bin: b }; types.forEach(function (t) { o[t] = b.types[t] || 0; }); return o; });
    var series = d3.stack().keys(types)(table);
    var x = d3.scaleUtc().domain([unit[1].floor(x0), unit[1].ceil(x1)]).range([margin.left, width - margin.right]);
    var y = d3.scaleLinear().domain([0, d3.max(data, function (b) { return b.n; }) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    function barX(d) { return x(d.start); }
    function barW(d) { return Math.max(1, x(unit[1].offset(d.start, 1)) - x(d.start) - 1); }
    var svg = d3.select(box).append("svg").attr("width", width).attr("height", height);
    svg.append("g").selectAll("g").data(series).join("g").attr("fill", function (s) { return C.colour(s.key); })
      .attr("class", function (s) { return "series t-" + s.key; })
      .selectAll("rect").data(function (s) { return s; }).join("rect")
      .attr("x", function (d) { return barX(d.data); }).attr("width", function (d) { return barW(d.data); })
      .attr("y", function (d) { return y(d[1]); }).attr("height", function (d) { return Math.max(0, y(d[0]) - y(d[1])); });
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")").call(d3.axisBottom(x).ticks(8));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y).ticks(5));
    var brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on("end", function (event) {
        if (!event.selection || !event.sourceEvent && !event.programmatic) return;
        var a = d3.utcDay.floor(x.invert(event.selection[0])), b = d3.utcDay.offset(d3.utcDay.ceil(x.invert(event.selection[1])), -1);
        if (b < a) b = a;
        zoomTo(a, b);
      });
    var brushG = svg.append("g").attr("class", "brush").call(brush);
    // one transparent column per bin over the brush, for the tooltip (the brush still gets the drag)
    brushG.select(".overlay").on("mousemove", function (event) {
      var t = x.invert(d3.pointer(event)[0]), key = +unit[1].floor(t);
      var b = data.find(function (d) { return +d.start === key; });
      if (b) showTip(event, b, unit); else tip.hidden = true;
    }).on("mouseleave", function () { tip.hidden = true; });
    svg.selectAll("rect.bin").data(data).join("rect").attr("class", "bin")
      .attr("x", barX).attr("width", barW).attr("y", margin.top).attr("height", height - margin.top - margin.bottom)
      .attr("data-start", function (d) { return fmt(d.start); }).attr("data-n", function (d) { return d.n; })
      .attr("data-fatalities", function (d) { return d.fatalities; })
      .on("mousemove", function (event, d) { showTip(event, d, unit); })
      .on("mouseleave", function () { tip.hidden = true; });
    window.chronicleTimeline = {
      unit: unit[0], bins: data.length,
      brushDays: function (from, to) {
        brush.on("end").call(null, { selection: [x(parse(from)), x(d3.utcDay.offset(parse(to), 1))], programmatic: true });
      }
    };
    C.legend(document.getElementById("legend"), types);
    var total = d3.sum(data, function (b) { return b.n; }), dead = d3.sum(data, function (b) { return b.fatalities; });
    status.textContent = total + " " + kind + " events, " + dead + " deaths stated, " + fmt(x0) + " to " +
      fmt(d3.utcDay.offset(x1, -1)) + ", by " + unit[0] + "; drag across the chart to zoom in.";
    var other = kind === "news" ? "background" : "news";
    document.getElementById("timeline-other").textContent = all[other].length ?
      d3.sum(all[other], function (r) { return r.n; }) + " " + other + " events are shown apart (switch above)." : "";
    box.setAttribute("data-unit", unit[0]);
    box.setAttribute("data-kind", kind);
    box.setAttribute("data-ready", "1");
  }

  function zoomTo(a, b) {
    domain = [a, d3.utcDay.offset(b, 1)];
    document.getElementById("zoom-reset").hidden = false;
    showRange(fmt(a), fmt(b));
    draw();
  }

  document.getElementById("zoom-reset").addEventListener("click", function () {
    domain = null;
    document.getElementById("zoom-reset").hidden = true;
    draw();
  });
  document.getElementById("brush-clear").addEventListener("click", function () {
    domain = null;
    var p = C.filterQuery(); p.delete("date_from"); p.delete("date_to");
    C.updateNav(p); history.replaceState(null, "", "/timeline?" + p.toString());
    document.getElementById("brushed").hidden = true;
    document.getElementById("zoom-reset").hidden = true;
    document.querySelector("#brush-table tbody").textContent = "";
    draw();
  });
  document.querySelectorAll("input[name=timeline-kind]").forEach(function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) { kind = radio.value; domain = null; draw(); } });
  });

  fetch("/api/counts/timeline?" + params.toString()).then(function (r) {
    if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || ("HTTP " + r.status)); });
    return r.json();
  }).then(function (data) {
    data.rows.forEach(function (r) {
      var day = parse(r[0]);
      if (!day) return;
      all[r[2] ? "background" : "news"].push({ day: day, type: r[1], n: r[3], fatalities: r[4] });
    });
    if (!all.news.length && all.background.length) kind = "background";
    document.querySelector("input[name=timeline-kind][value=" + kind + "]").checked = true;
    draw();
  }).catch(function (e) { status.textContent = "Could not load counts: " + e.message; });
})();
