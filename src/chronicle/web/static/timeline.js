// The timeline: events per day stacked by type; brushing a range filters the other views.
(function () {
  "use strict";
  var C = window.Chronicle;
  var status = document.getElementById("timeline-status");
  if (!window.d3) { status.textContent = "Chart library is not installed."; return; }
  var params = C.filterQuery();
  var box = document.getElementById("timeline");
  var width = Math.max(600, box.clientWidth), height = 320;
  var margin = { top: 12, right: 16, bottom: 28, left: 40 };
  var parse = d3.utcParse("%Y-%m-%d"), fmt = d3.utcFormat("%Y-%m-%d");

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
    fetch("/api/events?limit=20&" + q).then(function (r) { return r.json(); }).then(function (data) {
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
      status.textContent = data.total + " events between " + from + " and " + to;
    });
  }

  fetch("/api/counts/daily?" + params.toString()).then(function (r) { return r.json(); }).then(function (data) {
    var rows = data.counts.filter(function (r) { return parse(r.day); });
    if (!rows.length) { status.textContent = "No dated events match."; return; }
    var types = Array.from(new Set(rows.map(function (r) { return r.type; }))).sort();
    var byDay = d3.rollup(rows, function (v) { var o = {}; v.forEach(function (r) { o[r.type] = r.n; }); return o; },
                          function (r) { return r.day; });
    var days = Array.from(byDay.keys()).sort();
    var table = days.map(function (d) { var o = { day: parse(d) }; types.forEach(function (t) { o[t] = byDay.get(d)[t] || 0; }); return o; });
    var series = d3.stack().keys(types)(table);
    var x0 = d3.min(table, function (d) { return d.day; }), x1 = d3.utcDay.offset(d3.max(table, function (d) { return d.day; }), 1);
    var x = d3.scaleUtc().domain([x0, x1]).range([margin.left, width - margin.right]);
    var y = d3.scaleLinear().domain([0, d3.max(series[series.length - 1], function (d) { return d[1]; })]).nice()
      .range([height - margin.bottom, margin.top]);
    var barW = Math.max(1, (x(d3.utcDay.offset(x0, 1)) - x(x0)) - 1);
    var svg = d3.select(box).append("svg").attr("width", width).attr("height", height);
    svg.append("g").selectAll("g").data(series).join("g").attr("fill", function (s) { return C.colour(s.key); })
      .attr("class", function (s) { return "series t-" + s.key; })
      .selectAll("rect").data(function (s) { return s; }).join("rect")
      .attr("x", function (d) { return x(d.data.day); }).attr("width", barW)
      .attr("y", function (d) { return y(d[1]); }).attr("height", function (d) { return Math.max(0, y(d[0]) - y(d[1])); });
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")").call(d3.axisBottom(x).ticks(8));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y).ticks(5));
    var brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on("end", function (event) {
        if (!event.selection) return;
        var a = d3.utcDay.floor(x.invert(event.selection[0])), b = d3.utcDay.offset(d3.utcDay.ceil(x.invert(event.selection[1])), -1);
        if (b < a) b = a;
        showRange(fmt(a), fmt(b));
      });
    var brushG = svg.append("g").attr("class", "brush").call(brush);
    document.getElementById("brush-clear").addEventListener("click", function () {
      brushG.call(brush.move, null);
      var p = C.filterQuery(); p.delete("date_from"); p.delete("date_to");
      C.updateNav(p); history.replaceState(null, "", "/timeline?" + p.toString());
      document.getElementById("brushed").hidden = true;
      document.querySelector("#brush-table tbody").textContent = "";
    });
    window.chronicleTimeline = { brushDays: function (from, to) {
      brushG.call(brush.move, [x(parse(from)), x(d3.utcDay.offset(parse(to), 1))]);
    } };
    C.legend(document.getElementById("legend"), types);
    var total = d3.sum(rows, function (r) { return r.n; });
    status.textContent = total + " events over " + days.length + " days; drag across the chart to select a period.";
    box.setAttribute("data-ready", "1");
  }).catch(function (e) { status.textContent = "Could not load counts: " + e; });
})();
