'use strict';
// One app's page: its facts, buttons, live log (/api/logs, server-sent events), charts of the last hour,
// restart history and probe results (/api/app, fetched again every 10 s: the charts' own cadence).
document.addEventListener('DOMContentLoaded', () => {
  const name = new URLSearchParams(location.search).get('name') || '';
  document.getElementById('app-name').textContent = name;
  document.title = 'jsup: ' + name;

  // ---- buttons
  for (const b of document.querySelectorAll('#actions button')) {
    b.addEventListener('click', () => Jsup.confirmThen(b.dataset.action, name, refresh));
  }

  // ---- log
  const MAX_LINES = 2000;
  const log = document.getElementById('log');
  const showOut = document.getElementById('show-out');
  const showErr = document.getElementById('show-err');
  const follow = document.getElementById('follow');
  let following = true;
  let held = [];

  function filter() {
    log.classList.toggle('hide-out', !showOut.checked);
    log.classList.toggle('hide-err', !showErr.checked);
  }
  showOut.addEventListener('change', filter);
  showErr.addEventListener('change', filter);

  function append(lines) {
    for (const [stream, text] of lines) {
      const line = document.createElement('span');
      line.className = 'line ' + stream;
      line.textContent = text + '\n';
      log.appendChild(line);
    }
    while (log.childNodes.length > MAX_LINES) { log.removeChild(log.firstChild); }
    log.scrollTop = log.scrollHeight;
  }

  follow.addEventListener('click', () => {
    following = !following;
    follow.textContent = following ? 'Pause' : 'Follow';
    follow.setAttribute('aria-pressed', String(following));
    if (following) { append(held); held = []; }
    document.getElementById('paused-count').textContent = '';
  });

  Jsup.stream('/api/logs?name=' + encodeURIComponent(name), {
    lines: (data) => {
      const lines = (data.out || []).map((t) => ['out', t]).concat((data.err || []).map((t) => ['err', t]));
      if (following) {
        append(lines);
      } else {
        held = held.concat(lines).slice(-MAX_LINES);
        document.getElementById('paused-count').textContent = held.length + ' new lines held';
      }
    }
  });

  // ---- facts, charts, history
  function fact(list, term, value) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  function chart(svgId, points, pick, max, label) {
    const svg = document.getElementById(svgId);
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    const ns = 'http://www.w3.org/2000/svg';
    const now = Date.now() / 1000;
    const top = Math.max(max, 1e-9);
    const coords = points.map((p) => {
      const x = 600 - Math.max(0, Math.min(600, (now - p[0]) / 3600 * 600));
      const y = 118 - Math.min(1, pick(p) / top) * 112;
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    for (const y of [6, 62, 118]) {
      const grid = document.createElementNS(ns, 'line');
      grid.setAttribute('x1', '0'); grid.setAttribute('x2', '600');
      grid.setAttribute('y1', String(y)); grid.setAttribute('y2', String(y));
      grid.setAttribute('class', 'grid');
      svg.appendChild(grid);
    }
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', coords.join(' '));
    line.setAttribute('class', 'series');
    svg.appendChild(line);
    svg.setAttribute('aria-label', 'top of the chart: ' + label);
  }

  function rows(tableId, items, cells) {
    const body = document.querySelector('#' + tableId + ' tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    for (const item of items.slice().reverse()) {
      const tr = document.createElement('tr');
      for (const [text, label] of cells(item)) { Jsup.cell(tr, text, '', label); }
      body.appendChild(tr);
    }
    if (items.length === 0) {
      const tr = document.createElement('tr');
      Jsup.cell(tr, 'none yet', 'hint', '');
      body.appendChild(tr);
    }
  }

  async function refresh() {
    const r = await fetch('/api/app?name=' + encodeURIComponent(name), { credentials: 'same-origin' });
    if (r.status === 401) { location.assign('/login'); return; }
    const app = await r.json();
    if (!r.ok) { Jsup.problem(app.error); return; }
    const facts = document.getElementById('facts');
    while (facts.firstChild) { facts.removeChild(facts.firstChild); }
    document.querySelector('#actions button[data-action="stop"]').hidden = app.want !== 'up';
    document.querySelector('#actions button[data-action="start"]').hidden = app.want === 'up';
    fact(facts, 'Status', app.status + (app.status_reason ? ' (' + app.status_reason + ')' : ''));
    fact(facts, 'PID', app.pid > 0 ? String(app.pid) : '–');
    fact(facts, 'Uptime', app.status === 'online' ? Jsup.duration(app.uptime_ms) : '–');
    fact(facts, '↺', String(app.restarts));
    fact(facts, 'Health', app.health);
    fact(facts, 'Ready', app.ready ? 'yes' : 'no');
    fact(facts, 'Script', app.script || '');
    fact(facts, 'max_memory_restart', app.max_memory_restart || '');
    const h = app.history || [];
    const cpuMax = Math.max(100, ...h.map((p) => p[1]));
    const memMax = Math.max(app.memory_limit || 0, ...h.map((p) => p[2]), 1);
    chart('cpu-chart', h, (p) => p[1], cpuMax, cpuMax.toFixed(0) + ' %');
    chart('mem-chart', h, (p) => p[2], memMax, Jsup.bytes(memMax));
    // The scale goes in the caption: text inside the stretched SVG would be stretched too.
    document.getElementById('cpu-now').textContent = (h.length ? 'now ' + h[h.length - 1][1].toFixed(1) + ' %, ' : '')
      + 'top ' + cpuMax.toFixed(0) + ' %';
    document.getElementById('mem-now').textContent = (h.length ? 'now ' + Jsup.bytes(h[h.length - 1][2]) + ', ' : '')
      + 'top ' + Jsup.bytes(memMax);
    document.getElementById('chart-note').textContent = 'One point every ' + app.history_interval_s
      + ' s since the listener started (' + h.length + ' points).';
    rows('restarts', app.restart_history || [], (x) => [[new Date(x.at).toLocaleString(), 'When'],
      [x.reason, 'Reason'], [Jsup.duration(x.uptime_ms), 'Had run']]);
    rows('probes', app.health_results || [], (x) => [[new Date(x.at).toLocaleString(), 'When'], [x.probe, 'Probe'],
      [x.ok ? 'ok' : 'failed', 'Result'], [x.latency_ms + ' ms', 'Latency'], [x.detail || '', 'Detail']]);
  }

  refresh();
  setInterval(refresh, 10000);
});
