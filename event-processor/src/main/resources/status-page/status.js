// Status page: lists the caller's newest uploads and keeps them current from the SSE stream
// (fetch + a stream reader, because EventSource cannot send an Authorization header).
(function () {
  const rows = new Map();
  const $ = (id) => document.getElementById(id);
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('token')) { $('token').value = hash.get('token'); }

  function render() {
    const body = $('rows');
    body.innerHTML = '';
    [...rows.values()].sort((a, b) => (b.updatedAt || '').localeCompare(a.updatedAt || '')).forEach((m) => {
      const tr = document.createElement('tr');
      const links = (m.renditions || []).map((r) => r.definition + (r.height ? ' (' + r.height + 'p)' : '')).join(', ')
        + (m.coverUrl ? ' · cover' : '');
      [m.fileId, m.name || '', m.status || '', m.taskStatus || '', m.progress == null ? '' : m.progress + '%', links, m.updatedAt || '']
        .forEach((text, i) => {
          const td = document.createElement('td');
          td.textContent = text;
          if (i === 2) { td.className = m.status; }
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
  }

  function log(line) {
    const div = document.createElement('div');
    div.textContent = new Date().toISOString() + ' ' + line;
    $('log').prepend(div);
  }

  async function load(token) {
    const res = await fetch('/v1/users/me/media?size=50', { headers: { Authorization: 'Bearer ' + token } });
    if (!res.ok) { throw new Error('media list: HTTP ' + res.status); }
    (await res.json()).items.forEach((m) => rows.set(m.fileId, m));
    render();
  }

  function apply(event) {
    const m = rows.get(event.fileId) || { fileId: event.fileId };
    if (event.status) { m.status = event.status; }
    if (event.taskStatus) { m.taskStatus = event.taskStatus; }
    if (event.progress != null) { m.progress = event.progress; }
    if (event.renditions) { m.renditions = event.renditions; }
    if (event.coverUrl) { m.coverUrl = event.coverUrl; }
    if (event.deletedParts) {
      // a partial deletion: renditions of a removed TranscodeFiles definition (0 = all) are gone
      const gone = (r) => event.deletedParts.some((p) => p.type === 'TranscodeFiles' && (p.definition === 0 || p.definition === r.definition));
      m.renditions = (m.renditions || []).filter((r) => !gone(r));
    }
    m.updatedAt = event.occurredAt;
    rows.set(event.fileId, m);
    render();
    log(event.type + ' ' + event.fileId + (event.progress != null ? ' ' + event.progress + '%' : ''));
  }

  // id of the last event applied: a reconnect resumes after it, so nothing missed needs a reload
  let lastId = null;

  async function stream(token) {
    const headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' };
    if (lastId) { headers['Last-Event-ID'] = lastId; }
    const res = await fetch('/v1/users/me/events', { headers });
    if (!res.ok) { throw new Error('events: HTTP ' + res.status); }
    $('state').textContent = 'live';
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, cut).split('\n');
        buffer = buffer.slice(cut + 2);
        const field = (name) => lines.filter((l) => l.startsWith(name + ':')).map((l) => l.slice(name.length + 1).trim());
        const data = field('data').join('\n');
        if (field('event')[0] === 'reset') {
          // the server no longer holds what this page missed: read the current state again
          lastId = null;
          await load(token);
        } else if (data) {
          apply(JSON.parse(data));
          lastId = field('id')[0] || lastId;
        }
      }
    }
    throw new Error('stream closed');
  }

  async function connect() {
    const token = $('token').value.trim();
    for (;;) {
      try {
        $('state').textContent = 'connecting';
        if (!lastId) { await load(token); }
        await stream(token);
      } catch (e) {
        $('state').textContent = 'reconnecting (' + e.message + ')';
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }

  $('connect').addEventListener('click', connect);
  if ($('token').value) { connect(); }
})();
