/* kgraph graph page: filters, search, focus, details panel and legend over vis-network.
 *
 * The graph arrives as JSON in <script type="application/json"> blocks (kg-nodes, kg-edges,
 * kg-options, kg-meta). Article text is untrusted: it is only ever inserted with textContent,
 * and vis tooltips get DOM elements, never HTML strings. window.kgraph exposes the state for
 * tests; <html data-kg-ready="true"> is set once the graph is drawn and the controls work.
 */
(function () {
  "use strict";

  var UNTYPED = "(untyped)";
  var ROLE_TEXT = { actor: "acts in", recipient: "is the target of", source: "is quoted as the source of" };

  function byId(id) { return document.getElementById(id); }
  function readJson(id) { return JSON.parse(byId(id).textContent); }

  /** Create an element; text goes in with textContent (never innerHTML). */
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function truncate(text, size) {
    text = String(text || "");
    return text.length > size ? text.slice(0, size - 1) + "\u2026" : text;
  }

  var NODES = readJson("kg-nodes");
  var EDGES = readJson("kg-edges");
  var OPTIONS = readJson("kg-options");
  var META = readJson("kg-meta");

  var nodeById = new Map();
  var links = new Map(); // node id -> [{edge, other, role}]
  NODES.forEach(function (n) { nodeById.set(n.id, n); links.set(n.id, []); });
  EDGES.forEach(function (e) {
    links.get(e.from).push({ edge: e, other: e.to, role: e.kg.role });
    links.get(e.to).push({ edge: e, other: e.from, role: e.kg.role });
  });

  function kindOf(id) { return nodeById.get(id).kg.kind; }
  function linksOfKind(id, kind) { return links.get(id).filter(function (l) { return kindOf(l.other) === kind; }); }
  function typeKey(kg) { return kg.type || UNTYPED; }
  function firstSentence(kg) { return kg.evidence && kg.evidence.length ? kg.evidence[0].sentence : ""; }

  // ---- tooltips (DOM elements, so vis never parses them as HTML) --------------------------------

  function tip(title, line, quote) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("b", title));
    box.appendChild(el("span", line));
    if (quote) { box.appendChild(el("q", truncate(quote, 320))); }
    return box;
  }

  function eventTip(n) {
    var k = n.kg;
    return tip(k.relation, [typeKey(k), k.mood, k.date || "no date"].join(" \u00b7 "), firstSentence(k));
  }

  function actorTip(n) {
    var k = n.kg;
    var line = [k.type, k.country, k.activity + " event" + (k.activity === 1 ? "" : "s")].filter(Boolean).join(" \u00b7 ");
    var aliases = k.aliases.filter(function (a) { return a !== n.label; });
    return tip(n.label, line, aliases.length ? "also: " + truncate(aliases.join(", "), 200) : "");
  }

  function edgeTip(e) {
    var event = nodeById.get(e.kg.role === "recipient" ? e.from : e.to);
    var actor = nodeById.get(e.kg.role === "recipient" ? e.to : e.from);
    return tip(actor.label + " " + (ROLE_TEXT[e.kg.role] || e.kg.role), event.kg.relation, firstSentence(event.kg));
  }

  NODES.forEach(function (n) { n.title = n.kg.kind === "event" ? eventTip(n) : actorTip(n); });
  EDGES.forEach(function (e) { e.title = edgeTip(e); });

  var nodes = new vis.DataSet(NODES);
  var edges = new vis.DataSet(EDGES);
  var network = new vis.Network(byId("kg-network"), { nodes: nodes, edges: edges }, OPTIONS);

  // ---- filters -----------------------------------------------------------------------------------

  function countBy(list, key) {
    var counts = new Map();
    list.forEach(function (item) { var k = key(item); counts.set(k, (counts.get(k) || 0) + 1); });
    return new Map(Array.from(counts.entries()).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; }));
  }

  var EVENTS = NODES.filter(function (n) { return n.kg.kind === "event"; });
  var ACTORS = NODES.filter(function (n) { return n.kg.kind === "actor"; });
  var choices = {
    types: countBy(EVENTS, function (n) { return typeKey(n.kg); }),
    moods: countBy(EVENTS, function (n) { return n.kg.mood; }),
    actorTypes: countBy(ACTORS, function (n) { return n.kg.type; })
  };
  var state = {};

  function resetState() {
    state.types = new Set(choices.types.keys());
    state.moods = new Set(choices.moods.keys());
    state.actorTypes = new Set(choices.actorTypes.keys());
    state.from = "";
    state.to = "";
    state.undated = true;
    state.focus = null;
  }

  function checkboxes(containerId, key) {
    var box = byId(containerId);
    box.replaceChildren();
    choices[key].forEach(function (count, value) {
      var label = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.checked = state[key].has(value);
      input.value = value;
      input.addEventListener("change", function () {
        if (input.checked) { state[key].add(value); } else { state[key].delete(value); }
        apply();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + value + " "));
      label.appendChild(el("span", "(" + count + ")", "kg-count"));
      box.appendChild(label);
    });
  }

  function dateOk(date) {
    if (!date) { return state.undated; }
    var lo = date, hi = date;
    if (date.length === 4) { lo += "-01-01"; hi += "-12-31"; }
    if (date.length === 7) { lo += "-01"; hi += "-31"; }
    return !(state.from && hi < state.from) && !(state.to && lo > state.to);
  }

  function eventFiltersActive() {
    return state.types.size < choices.types.size || state.moods.size < choices.moods.size ||
      Boolean(state.from || state.to) || !state.undated;
  }

  function focusSet(actorId) {
    var keep = new Set([actorId]);
    linksOfKind(actorId, "event").forEach(function (l) {
      keep.add(l.other);
      linksOfKind(l.other, "actor").forEach(function (m) { keep.add(m.other); });
    });
    return keep;
  }

  function computeVisible() {
    var inFocus = state.focus ? focusSet(state.focus) : null;
    var actorOk = function (id) {
      return state.actorTypes.has(nodeById.get(id).kg.type) && (!inFocus || inFocus.has(id));
    };
    var visible = new Set();
    EVENTS.forEach(function (n) {
      var k = n.kg, actors = linksOfKind(n.id, "actor");
      if (!state.types.has(typeKey(k)) || !state.moods.has(k.mood) || !dateOk(k.date)) { return; }
      if (inFocus && !inFocus.has(n.id)) { return; }
      if (actors.length && !actors.some(function (l) { return actorOk(l.other); })) { return; }
      visible.add(n.id);
    });
    var narrowed = eventFiltersActive();
    ACTORS.forEach(function (n) {
      if (n.id === state.focus) { visible.add(n.id); return; }
      if (!actorOk(n.id)) { return; }
      if (narrowed && !linksOfKind(n.id, "event").some(function (l) { return visible.has(l.other); })) { return; }
      visible.add(n.id);
    });
    return visible;
  }

  function apply() {
    var visible = computeVisible();
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var hidden = !visible.has(n.id);
      if (Boolean(n.hidden) !== hidden) { nodeChanges.push({ id: n.id, hidden: hidden }); }
    });
    edges.forEach(function (e) {
      var hidden = !(visible.has(e.from) && visible.has(e.to));
      if (Boolean(e.hidden) !== hidden) { edgeChanges.push({ id: e.id, hidden: hidden }); }
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    kgraph.visible = visible;
    showStatus(visible);
  }

  function showStatus(visible) {
    var shownActors = ACTORS.filter(function (n) { return visible.has(n.id); }).length;
    byId("kg-status").textContent = visible.size + " of " + NODES.length + " nodes shown: " +
      shownActors + " actors, " + (visible.size - shownActors) + " events.";
    var note = byId("kg-focus-note");
    note.hidden = !state.focus;
    note.textContent = state.focus ? "Neighbourhood of " + nodeById.get(state.focus).label + ". Reset to see all." : "";
  }

  function bindDates() {
    byId("kg-date-from").addEventListener("change", function (ev) { state.from = ev.target.value; apply(); });
    byId("kg-date-to").addEventListener("change", function (ev) { state.to = ev.target.value; apply(); });
    byId("kg-date-undated").addEventListener("change", function (ev) { state.undated = ev.target.checked; apply(); });
  }

  function buildControls() {
    checkboxes("kg-filter-type", "types");
    checkboxes("kg-filter-mood", "moods");
    checkboxes("kg-filter-actor", "actorTypes");
    byId("kg-date-from").value = "";
    byId("kg-date-to").value = "";
    byId("kg-date-undated").checked = true;
  }

  function reset() {
    resetState();
    buildControls();
    byId("kg-search").value = "";
    byId("kg-search-results").replaceChildren();
    network.unselectAll();
    showHint();
    apply();
    network.fit({ animation: false });
  }

  // ---- search ------------------------------------------------------------------------------------

  var searchIndex = ACTORS.map(function (n) {
    var names = [n.label].concat(n.kg.aliases);
    return { node: n, names: names, lower: names.map(function (s) { return String(s).toLowerCase(); }) };
  });

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var hits = [];
    searchIndex.forEach(function (entry) {
      var i = entry.lower.findIndex(function (name) { return name.indexOf(q) !== -1; });
      if (i !== -1) { hits.push({ node: entry.node, name: entry.names[i], exact: entry.lower[i] === q }); }
    });
    hits.sort(function (a, b) { return (b.exact - a.exact) || (b.node.kg.activity - a.node.kg.activity); });
    return hits.slice(0, 30);
  }

  function showResults() {
    var list = byId("kg-search-results");
    list.replaceChildren();
    search(byId("kg-search").value).forEach(function (hit) {
      var button = el("button", hit.node.label + (hit.name !== hit.node.label ? " (alias: " + hit.name + ")" : "") +
        " \u00b7 " + hit.node.kg.type);
      button.type = "button";
      button.dataset.id = hit.node.id;
      button.addEventListener("click", function () { selectNode(hit.node.id); });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function bindSearch() {
    var input = byId("kg-search");
    input.addEventListener("input", showResults);
    input.addEventListener("keydown", function (ev) {
      var first = byId("kg-search-results").querySelector("button");
      if (ev.key === "Enter" && first) { first.click(); }
    });
  }

  // ---- details panel -----------------------------------------------------------------------------

  function panel() { var p = byId("kg-panel"); p.replaceChildren(); return p; }
  function showHint() { panel().appendChild(el("p", "Click an actor, an event or an edge to see its evidence.", "kg-hint")); }

  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", pair[1]));
    });
    return dl;
  }

  function linkButton(text, onClick) {
    var button = el("button", text, "kg-link");
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function articleLine(evidence, k) {
    var doc = META.documents[evidence.doc] || {};
    var line = el("div", null, "kg-source");
    line.appendChild(document.createTextNode([doc.title || evidence.doc, doc.source, doc.date].filter(Boolean).join(" \u00b7 ")));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      var a = el("a", " (article)");
      a.href = doc.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      line.appendChild(a);
    }
    var conf = typeof k.confidence === "number" ? "confidence " + k.confidence.toFixed(2) : "";
    line.appendChild(el("div", [k.date ? "event date " + k.date : "", conf].filter(Boolean).join(" \u00b7 ")));
    return line;
  }

  function evidenceBlocks(k) {
    var box = el("div");
    (k.evidence || []).forEach(function (ev) {
      var block = el("div", null, "kg-evidence");
      block.appendChild(el("blockquote", ev.sentence));
      block.appendChild(articleLine(ev, k));
      box.appendChild(block);
    });
    return box;
  }

  function eventDetails(n, p) {
    var k = n.kg;
    p.appendChild(facts([["Type", typeKey(k)], ["Mood", k.mood], ["Date", k.date ? k.date + (k.date_text ? " (" + k.date_text + ")" : "") : "unknown"],
      ["Place", k.place], ["Confidence", typeof k.confidence === "number" ? k.confidence.toFixed(2) : k.confidence],
      ["Articles", k.sources.length]]));
    p.appendChild(el("h3", "Actors"));
    linksOfKind(n.id, "actor").forEach(function (l) {
      var row = el("div");
      row.appendChild(linkButton(nodeById.get(l.other).label, function () { selectNode(l.other); }));
      row.appendChild(document.createTextNode(" " + (ROLE_TEXT[l.role] || l.role)));
      p.appendChild(row);
    });
    p.appendChild(el("h3", "Evidence"));
    p.appendChild(evidenceBlocks(k));
  }

  function showEvent(id) {
    var n = nodeById.get(id), p = panel();
    p.appendChild(el("h2", n.kg.relation));
    eventDetails(n, p);
  }

  function actorEvents(id) {
    var roles = new Map(); // event id -> the actor's roles in it
    linksOfKind(id, "event").forEach(function (l) {
      if (!roles.has(l.other)) { roles.set(l.other, []); }
      roles.get(l.other).push(ROLE_TEXT[l.role] || l.role);
    });
    return Array.from(roles.entries()).map(function (entry) {
      return { node: nodeById.get(entry[0]), role: entry[1].join(", ") };
    }).sort(function (a, b) { return String(b.node.kg.date || "").localeCompare(String(a.node.kg.date || "")); });
  }

  function showActor(id) {
    var n = nodeById.get(id), k = n.kg, p = panel();
    p.appendChild(el("h2", n.label));
    p.appendChild(facts([["Type", k.type], ["Country", k.country], ["Events", k.activity],
      ["Aliases", k.aliases.join("; ")], ["Codes", k.codes.join(", ")]]));
    var focus = linkButton("Focus on this actor's neighbourhood", function () { state.focus = id; apply(); network.fit({ animation: false }); });
    focus.id = "kg-focus";
    p.appendChild(focus);
    var events = actorEvents(id);
    p.appendChild(el("h3", "Evidence (" + events.length + " events)"));
    if (events.length < k.activity) {
      p.appendChild(el("p", (k.activity - events.length) + " of its " + k.activity +
        " events were left out of this page (see the note on the left).", "kg-note"));
    }
    events.slice(0, 100).forEach(function (item) {
      var head = el("div");
      head.appendChild(linkButton(typeKey(item.node.kg) + ": " + item.node.kg.relation, function () { selectNode(item.node.id); }));
      head.appendChild(document.createTextNode(" (" + item.role + ", " + item.node.kg.mood + ")"));
      p.appendChild(head);
      p.appendChild(evidenceBlocks(item.node.kg));
    });
    if (events.length > 100) { p.appendChild(el("p", (events.length - 100) + " more events not listed.", "kg-hint")); }
  }

  function showEdge(id) {
    var e = edges.get(id), p = panel();
    var event = nodeById.get(e.kg.role === "recipient" ? e.from : e.to);
    var actor = nodeById.get(e.kg.role === "recipient" ? e.to : e.from);
    p.appendChild(el("h2", actor.label + " " + (ROLE_TEXT[e.kg.role] || e.kg.role) + ": " + event.kg.relation));
    eventDetails(event, p);
  }

  function showNode(id) { if (kindOf(id) === "event") { showEvent(id); } else { showActor(id); } }

  function selectNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    showNode(id);
  }

  // ---- legend ------------------------------------------------------------------------------------

  function legendRow(box, swatch, text) {
    var row = el("div");
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(text));
    box.appendChild(row);
  }

  function swatch(colour, className) {
    var s = el("span", null, className);
    s.style.background = colour;
    s.style.borderColor = colour;
    return s;
  }

  function buildLegend() {
    var details = el("details");
    details.open = true;
    details.appendChild(el("summary", "Legend"));
    byId("kg-legend").appendChild(details);
    var box = details;
    box.appendChild(el("h2", "Actors (size: number of events)"));
    Object.keys(META.actorColours).forEach(function (type) {
      legendRow(box, swatch(META.actorColours[type], "kg-swatch"), type.toLowerCase());
    });
    box.appendChild(el("h2", "Events (by mood)"));
    Object.keys(META.moodColours).forEach(function (mood) {
      legendRow(box, swatch(META.moodColours[mood], "kg-swatch kg-diamond"), mood);
    });
    box.appendChild(el("h2", "Edges"));
    [["#7a8ca5", "", "actor \u2192 event"], ["#c96b4b", "", "event \u2192 target"], ["#999999", " kg-dashed", "speaker \u2192 event"]]
      .forEach(function (e) { var s = el("span", null, "kg-line" + e[1]); s.style.borderColor = e[0]; legendRow(box, s, e[2]); });
  }

  // ---- wiring ------------------------------------------------------------------------------------

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  var kgraph = window.kgraph = {
    network: network, nodes: nodes, edges: edges, state: state, visible: new Set(), ready: false,
    search: search, selectNode: selectNode, apply: apply, reset: reset
  };

  function markReady() {
    if (kgraph.ready) { return; }
    kgraph.ready = true;
    kgraph.readyAt = performance.now();
    document.documentElement.setAttribute("data-kg-ready", "true");
  }

  resetState();
  buildControls();
  bindDates();
  bindSearch();
  buildLegend();
  byId("kg-reset").addEventListener("click", reset);
  if (META.omittedNote) { byId("kg-omitted").textContent = META.omittedNote; byId("kg-omitted").hidden = false; }
  document.title = "kgraph: " + META.counts.actors + " actors, " + META.counts.events + " events";
  apply();
  if (OPTIONS.physics && OPTIONS.physics.enabled && NODES.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      markReady();
    });
  } else if (NODES.length) {
    network.once("afterDrawing", markReady);
  } else {
    markReady();
  }
})();
