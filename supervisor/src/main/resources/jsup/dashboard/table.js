'use strict';
// The app table, kept live by /api/events (server-sent events): rows are updated in place, never reloaded.
document.addEventListener('DOMContentLoaded', () => {
  const body = document.querySelector('#apps tbody');
  document.getElementById('sign-out').addEventListener('click', Jsup.signOut);

  function memoryCell(row, app) {
    const td = Jsup.cell(row, '', 'memory', 'Memory');
    const text = document.createElement('span');
    text.textContent = Jsup.bytes(app.memory);
    td.appendChild(text);
    if (app.memory_limit > 0) {
      const bar = document.createElement('span');
      bar.className = 'bar';
      const fill = document.createElement('span');
      const share = Math.min(1, app.memory / app.memory_limit);
      fill.className = 'fill' + (share > 0.9 ? ' high' : share > 0.7 ? ' mid' : '');
      fill.style.width = (share * 100).toFixed(1) + '%';
      bar.title = Jsup.bytes(app.memory) + ' of ' + Jsup.bytes(app.memory_limit) + ' (max_memory_restart)';
      bar.appendChild(fill);
      td.appendChild(bar);
    }
  }

  function actions(row, app) {
    const td = Jsup.cell(row, '', 'actions', '');
    const running = app.want === 'up';
    for (const action of ['restart', 'reload', running ? 'stop' : 'start']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = action;
      b.dataset.action = action;
      b.addEventListener('click', () => Jsup.confirmThen(action, app.name));
      td.appendChild(b);
    }
  }

  function render(apps) {
    document.getElementById('empty').hidden = apps.length > 0;
    const seen = new Set();
    for (const app of apps) {
      seen.add(app.name);
      let row = body.querySelector('tr[data-app="' + CSS.escape(app.name) + '"]');
      const fresh = document.createElement('tr');
      fresh.dataset.app = app.name;
      const name = Jsup.cell(fresh, '', 'name', 'App');
      const link = document.createElement('a');
      link.href = '/app?name=' + encodeURIComponent(app.name);
      link.textContent = app.name;
      name.appendChild(link);
      Jsup.cell(fresh, app.status, 'status status-' + app.status, 'Status');
      Jsup.cell(fresh, app.pid > 0 ? String(app.pid) : '–', 'pid', 'PID');
      Jsup.cell(fresh, app.status === 'online' ? Jsup.duration(app.uptime_ms) : '–', 'uptime', 'Uptime');
      Jsup.cell(fresh, String(app.restarts), 'restarts', '↺');
      Jsup.cell(fresh, (app.cpu || 0).toFixed(1) + '%', 'cpu', 'CPU');
      memoryCell(fresh, app);
      Jsup.cell(fresh, app.health + (app.health_failures > 0 ? ' (' + app.health_failures + ' failed)' : ''),
        'health health-' + app.health, 'Health');
      Jsup.cell(fresh, app.ready ? 'yes' : 'no', 'ready', 'Ready');
      actions(fresh, app);
      if (row) { body.replaceChild(fresh, row); } else { body.appendChild(fresh); }
    }
    for (const row of Array.from(body.rows)) {
      if (!seen.has(row.dataset.app)) { row.remove(); }
    }
  }

  Jsup.stream('/api/events', { apps: render });
});
