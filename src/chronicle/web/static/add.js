// Add an article: POST it to the write API with the operator's token and show the coded record.
(function () {
  "use strict";
  var C = window.Chronicle;
  var form = document.getElementById("add-form");
  var status = document.getElementById("add-status");
  var result = document.getElementById("add-result");

  function names(record, refs) {
    return (refs || []).map(function (r) {
      var a = record.actors[r.actor];
      return a ? a.name + (a.country ? " [" + a.country + (a.sector ? "/" + a.sector : "") + "]" : "") : r.text;
    }).join("; ");
  }

  function show(record) {
    result.textContent = "";
    var head = C.el("p", "summary");
    var link = C.el("a", "to-article", record.title || record.id);
    link.href = C.articleHref(record.id);
    head.appendChild(link);
    head.appendChild(C.el("span", null, " · " + record.events.length + " events, " + record.actors.length + " actors, " +
      record.places.length + " places, " + record.times.length + " times (" + record.stored + ")"));
    result.appendChild(head);
    var table = C.el("table", "events"), body = C.el("tbody");
    var hr = C.el("tr");
    ["Type", "Mode", "Actor", "Recipient", "Where", "When", "Trigger", "Sentence"].forEach(function (h) { hr.appendChild(C.el("th", null, h)); });
    table.appendChild(C.el("thead")).appendChild(hr);
    record.events.forEach(function (e) {
      var tr = C.el("tr", "event-row");
      var t = C.el("td"); t.appendChild(C.el("span", "type t-" + e.type, e.type)); tr.appendChild(t);
      tr.appendChild(C.el("td", null, e.mode || ""));
      tr.appendChild(C.el("td", null, names(record, e.actor)));
      tr.appendChild(C.el("td", null, names(record, e.recipient)));
      var place = e.location !== null && record.places[e.location];
      tr.appendChild(C.el("td", null, place ? place.name : ""));
      tr.appendChild(C.el("td", null, e.date || ""));
      tr.appendChild(C.el("td", null, e.trigger ? e.trigger.text : ""));
      tr.appendChild(C.el("td", "evidence", e.sentence ? record.text.slice(e.sentence.start, e.sentence.end) : ""));
      body.appendChild(tr);
    });
    table.appendChild(body);
    result.appendChild(table);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var payload = {};
    var text = (data.get("text") || "").trim();
    if (text) { if (/^\s*</.test(text)) payload.html = text; else payload.text = text; }
    ["url", "title", "published"].forEach(function (k) { var v = (data.get(k) || "").trim(); if (v) payload[k] = v; });
    status.textContent = "Extracting…";
    fetch("/api/articles", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + data.get("token") },
      body: JSON.stringify(payload)
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    }).then(function (res) {
      if (!res.ok) { status.textContent = "Refused (" + res.status + "): " + (typeof res.body.detail === "string" ? res.body.detail : JSON.stringify(res.body.detail)); return; }
      status.textContent = "Stored.";
      show(res.body);
    }).catch(function (e) { status.textContent = "Failed: " + e; });
  });
})();
