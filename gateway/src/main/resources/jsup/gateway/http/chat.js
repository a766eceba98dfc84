// The web chat: shows what the gateway is doing (GET api/status) and talks to POST api/chat.
// Served from the gateway jar; the page's CSP allows scripts from 'self' only, so nothing inline.
(function () {
  'use strict';

  var STATUS_EVERY_MS = 15000;
  var token = takeToken();
  var session = sessionStorage.getItem('jsup-session');
  if (!session) {
    session = 'web-' + Math.random().toString(36).slice(2, 12);
    sessionStorage.setItem('jsup-session', session);
  }
  var $ = function (id) { return document.getElementById(id); };
  var log = $('log');
  var text = $('text');

  // ?token=… is read once, kept for this tab, and removed from the address bar and history.
  function takeToken() {
    var params = new URLSearchParams(location.search);
    var fromUrl = params.get('token');
    if (fromUrl) {
      sessionStorage.setItem('jsup-token', fromUrl);
      params.delete('token');
      var rest = params.toString();
      history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
      return fromUrl;
    }
    return sessionStorage.getItem('jsup-token');
  }

  function headers(extra) {
    var h = extra || {};
    if (token) { h['Authorization'] = 'Bearer ' + token; }
    return h;
  }

  function clock(date) {
    var el = document.createElement('time');
    el.dateTime = date.toISOString();
    el.textContent = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return el;
  }

  function setText(id, value) {
    var el = $(id);
    el.textContent = value || '';
    return el;
  }

  // Config keys, variables, paths and commands in a hint are shown as code, the rest as text.
  var CODE = /("[^"]*"|\?token=\S*[^\s.]|[\w.~-]*\/[\w.\/-]*\w|[a-z][A-Za-z]*(?:\.[A-Za-z<>]+)+|[A-Z][A-Z0-9]*_[A-Z0-9_]+)/;

  function setHint(id, how, docs) {
    var el = $(id);
    el.hidden = !how;
    el.textContent = '';
    if (!how) { return; }
    (how + (docs ? ' See ' + docs + '.' : '')).split(CODE).forEach(function (part, i) {
      if (i % 2 === 1) {
        var code = document.createElement('code');
        code.textContent = part;
        el.appendChild(code);
      } else if (part) {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  function duration(ms) {
    var s = Math.floor(ms / 1000);
    if (s < 60) { return s + 's'; }
    if (s < 3600) { return Math.floor(s / 60) + 'm ' + (s % 60) + 's'; }
    if (s < 86400) { return Math.floor(s / 3600) + 'h ' + Math.floor(s % 3600 / 60) + 'm'; }
    return Math.floor(s / 86400) + 'd ' + Math.floor(s % 86400 / 3600) + 'h';
  }

  // ---- status ----

  function showModel(m) {
    var look = m.connected ? 'ok' : (m.state === 'checking' ? 'loading' : 'warn');
    var words = {
      'connected': 'Connected',
      'checking': 'Checking the model ids…',
      'failing': 'Not connected: the provider refuses or cannot be reached',
      'no key': 'Not connected: no API key',
      'not configured': 'Not connected: no model configured'
    };
    $('model-card').dataset.state = look;
    $('model-pill').dataset.state = look;
    $('model-pill').textContent = 'Model: ' + (m.connected ? 'connected' : m.state);
    setText('model-state', words[m.state] || m.state);
    var detail = m.detail ? (m.state === 'no key' ? 'Configured: ' : '') + m.detail + '.' : '';
    if (!m.connected && m.offline) {
      detail = (detail ? detail + ' ' : '') + 'Free text gets the labelled offline notice; commands work.';
    }
    setText('model-detail', detail);
    setHint('model-how', m.howToConnect, m.docs);
  }

  function showTelegram(t) {
    var look = t.connected ? 'ok' : (t.enabled ? 'warn' : 'off');
    $('telegram-card').dataset.state = look;
    $('telegram-pill').dataset.state = look;
    $('telegram-pill').textContent = 'Telegram: ' + (t.connected ? 'connected' : (t.enabled ? 'not connected' : 'off'));
    setText('telegram-state', t.connected ? 'Connected' + (t.bot ? ' as @' + t.bot : '')
        : (t.enabled ? 'Not connected' : 'Off: no bot token'));
    var detail = t.problem ? t.problem.replace(/^telegram: /, '') : '';
    if (t.connected && t.dmPolicy) {
      detail = 'dmPolicy ' + t.dmPolicy + (t.allowFrom !== undefined ? ', ' + t.allowFrom + ' user(s) allowed' : '');
    }
    setText('telegram-detail', detail);
    setHint('telegram-how', t.howToConnect, t.docs);
  }

  function showCommands(commands, operator) {
    var list = $('commands');
    list.textContent = '';
    commands.forEach(function (c) {
      var li = document.createElement('li');
      li.dataset.command = c.command;
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.command;
      b.title = 'Put ' + c.command + ' in the message box';
      b.addEventListener('click', function () { text.value = c.command + ' '; text.focus(); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(' ' + c.description));
      if (c.operator) {
        li.classList.add('operator');
        var lock = document.createElement('span');
        lock.className = 'lock';
        lock.textContent = operator.allowed ? '(operator)' : '(operator: needs the gateway token)';
        li.appendChild(lock);
      }
      list.appendChild(li);
    });
    setHint('operator-note', operator.allowed ? '' : operator.howToAllow, '');
  }

  function refreshStatus() {
    fetch('api/status', { headers: headers(), cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401) { throw new Error('this gateway needs its token: open this page as /?token=<gateway.auth.token>'); }
        if (!r.ok) { throw new Error('GET api/status answered ' + r.status); }
        return r.json();
      })
      .then(function (s) {
        $('status-error').hidden = true;
        showModel(s.models);
        showTelegram(s.channels.telegram);
        showCommands(s.commands, s.operatorCommands);
        setText('uptime', 'up ' + duration(s.uptimeMs) + (s.ready ? '' : ' · not ready'));
        document.body.dataset.status = 'loaded';
      })
      .catch(function (err) {
        var el = setText('status-error', 'Status unavailable: ' + err.message);
        el.hidden = false;
        document.body.dataset.status = 'failed';
      });
  }

  // ---- chat ----

  function add(kind, body, when) {
    var empty = $('empty');
    if (empty) { empty.remove(); }
    var div = document.createElement('div');
    div.className = 'msg ' + kind;
    var content = document.createElement('span');
    content.textContent = body;
    div.appendChild(content);
    div.appendChild(clock(when || new Date()));
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  // A placeholder that counts the seconds until its reply arrives, then becomes the reply.
  function pending() {
    var started = Date.now();
    var div = add('bot pending', 'Waiting for the reply…');
    var content = div.firstChild;
    var timer = setInterval(function () {
      content.textContent = 'Waiting for the reply… ' + Math.round((Date.now() - started) / 1000) + ' s';
    }, 1000);
    return function done(kind, body) {
      clearInterval(timer);
      div.className = 'msg ' + kind;
      content.textContent = body;
      div.replaceChild(clock(new Date()), div.lastChild);
      log.scrollTop = log.scrollHeight;
    };
  }

  $('form').addEventListener('submit', function (e) {
    e.preventDefault();
    var message = text.value.trim();
    if (!message) { return; }
    text.value = '';
    add('me', message);
    var done = pending();
    fetch('api/chat', {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ message: message, session: session })
    })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) { done(r.ok ? 'bot' : 'err', r.ok ? r.body.reply : r.body.error); })
      .catch(function (err) { done('err', 'request failed: ' + err); });
  });

  text.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('form').requestSubmit(); }
  });

  refreshStatus();
  setInterval(refreshStatus, STATUS_EVERY_MS);
})();
