// Shared by the dashboard's pages: calls to jsupd, the confirmation step, formatting.
'use strict';

const Jsup = (() => {
  let csrf = null;

  async function session() {
    if (csrf === null) {
      const r = await fetch('/api/session', { credentials: 'same-origin' });
      if (r.status === 401) { location.assign('/login'); throw new Error('signed out'); }
      csrf = (await r.json()).csrf;
    }
    return csrf;
  }

  async function post(path, body) {
    const token = await session();
    const r = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify(body || {})
    });
    const answer = await r.json().catch(() => ({}));
    if (!r.ok) { throw new Error(answer.error || ('HTTP ' + r.status)); }
    return answer;
  }

  function problem(text) {
    const p = document.getElementById('problem');
    p.textContent = text || '';
    p.hidden = !text;
  }

  // Runs action on app after the person confirms it in the bar at the top of the page.
  function confirmThen(action, app, done) {
    const bar = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent =
      action.charAt(0).toUpperCase() + action.slice(1) + ' ' + app + '?';
    bar.hidden = false;
    const yes = document.getElementById('confirm-yes');
    const no = document.getElementById('confirm-no');
    yes.focus();
    const close = () => { bar.hidden = true; yes.onclick = null; no.onclick = null; };
    no.onclick = close;
    yes.onclick = async () => {
      close();
      problem('');
      try {
        await post('/api/action', { app: app, action: action });
        if (done) { done(); }
      } catch (e) {
        problem(e.message);
      }
    };
  }

  // An EventSource whose state shows in #connection; it reconnects by itself after each stream ends.
  function stream(url, handlers) {
    const state = document.getElementById('connection');
    const source = new EventSource(url);
    let last = Date.now();
    for (const [event, handle] of Object.entries(handlers)) {
      source.addEventListener(event, (e) => {
        last = Date.now();
        state.textContent = 'live';
        state.className = 'connection live';
        handle(JSON.parse(e.data), e);
      });
    }
    setInterval(() => {
      if (Date.now() - last > 15000) {
        state.textContent = 'no contact with jsupd';
        state.className = 'connection lost';
      }
    }, 5000);
    return source;
  }

  function bytes(n) {
    if (n === undefined || n === null || n < 0) { return '–'; }
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)) + ' ' + units[i];
  }

  function duration(ms) {
    if (!ms || ms < 0) { return '–'; }
    const s = Math.floor(ms / 1000);
    if (s < 60) { return s + 's'; }
    if (s < 3600) { return Math.floor(s / 60) + 'm'; }
    if (s < 86400) { return Math.floor(s / 3600) + 'h' + String(Math.floor((s % 3600) / 60)).padStart(2, '0'); }
    return Math.floor(s / 86400) + 'd' + Math.floor((s % 86400) / 3600) + 'h';
  }

  function cell(row, text, cls, label) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    if (label) { td.dataset.label = label; }
    row.appendChild(td);
    return td;
  }

  function signOut() {
    post('/api/session', {}).finally(() => location.assign('/login'));
  }

  // The confirmation bar and the problem line, at the top of every page's main part.
  document.addEventListener('DOMContentLoaded', () => {
    const bar = document.createElement('div');
    bar.id = 'confirm';
    bar.className = 'confirm';
    bar.hidden = true;
    const text = document.createElement('span');
    text.id = 'confirm-text';
    const yes = document.createElement('button');
    yes.type = 'button'; yes.id = 'confirm-yes'; yes.className = 'danger'; yes.textContent = 'Yes';
    const no = document.createElement('button');
    no.type = 'button'; no.id = 'confirm-no'; no.textContent = 'Cancel';
    bar.append(text, yes, no);
    const line = document.createElement('p');
    line.id = 'problem';
    line.className = 'problem';
    line.hidden = true;
    document.querySelector('main').prepend(bar, line);
  });

  return { post, confirmThen, stream, bytes, duration, cell, problem, signOut };
})();
