'use strict';
// The app table, kept live by /api/events (server-sent events): rows are updated in place, never reloaded.
document.addEventListener('DOMContentLoaded', () => {
  const body = document.querySelector('#apps tbody');
  document.getElementById('sign-out').addEventListener('click', Jsup.signOut);

  // A row is made once per app and then updated in place, so a button is never swapped out under a click.
  function makeRow(app) {
    const row = document.createElement('tr');
    row.dataset.app = app.name;
    const name = Jsup.cell(row, '', 'name', 'App');
    const link = document.createElement('a');
    link.href = '/app?name=' + encodeURIComponent(app.name);
    link.textContent = app.name;
    name.appendChild(link);
    for (const [cls, label] of [['status', 'Status'], ['pid', 'PID'], ['uptime', 'Uptime'], ['restarts', '↺'],
      ['cpu', 'CPU']]) {
      Jsup.cell(row, '', cls, label);
    }
    const memory = Jsup.cell(row, '', 'memory', 'Memory');
    const text = document.createElement('span');
    text.className = 'amount';
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.hidden = true;
    bar.appendChild(document.createElement('span'));
    memory.append(text, bar);
    Jsup.cell(row, '', 'health', 'Health');
    Jsup.cell(row, '', 'ready', 'Ready');
    const actions = Jsup.cell(row, '', 'actions', '');
    for (const action of ['restart', 'reload', 'stop', 'start']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = action;
      b.dataset.action = action;
      b.addEventListener('click', () => Jsup.confirmThen(action, app.name));
      actions.appendChild(b);
    }
    return row;
  }

  function update(row, app) {
    const set = (cls, text) => { row.querySelector('td.' + cls).textContent = text; };
    const status = row.querySelector('td.status');
    status.textContent = app.status;
    status.className = 'status status-' + app.status.replace(' ', '-');
    set('pid', app.pid > 0 ? String(app.pid) : '–');
    set('uptime', app.status === 'online' ? Jsup.duration(app.uptime_ms) : '–');
    set('restarts', String(app.restarts));
    set('cpu', (app.cpu || 0).toFixed(1) + '%');
    row.querySelector('td.memory .amount').textContent = Jsup.bytes(app.memory);
    const bar = row.querySelector('td.memory .bar');
    bar.hidden = !(app.memory_limit > 0);
    if (app.memory_limit > 0) {
      const share = Math.min(1, app.memory / app.memory_limit);
      const fill = bar.firstChild;
      fill.className = 'fill' + (share > 0.9 ? ' high' : share > 0.7 ? ' mid' : '');
      fill.style.width = (share * 100).toFixed(1) + '%';
      bar.title = Jsup.bytes(app.memory) + ' of ' + Jsup.bytes(app.memory_limit) + ' (max_memory_restart)';
    }
    const health = row.querySelector('td.health');
    health.textContent = app.health + (app.health_failures > 0 ? ' (' + app.health_failures + ' failed)' : '');
    health.className = 'health health-' + app.health;
    set('ready', app.ready ? 'yes' : 'no');
    const up = app.want === 'up';
    row.querySelector('button[data-action="stop"]').hidden = !up;
    row.querySelector('button[data-action="start"]').hidden = up;
  }

  function render(apps) {
    document.getElementById('empty').hidden = apps.length > 0;
    const seen = new Set();
    for (const app of apps) {
      seen.add(app.name);
      let row = body.querySelector('tr[data-app="' + CSS.escape(app.name) + '"]');
      if (!row) {
        row = makeRow(app);
        body.appendChild(row);
      }
      update(row, app);
    }
    for (const row of Array.from(body.rows)) {
      if (!seen.has(row.dataset.app)) { row.remove(); }
    }
  }

  Jsup.stream('/api/events', { apps: render });
});
