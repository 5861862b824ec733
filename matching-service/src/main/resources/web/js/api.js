// The HTTP API as the pages use it: bearer token, JSON, problem+json errors and a Server-Sent Events reader.
// fetch() is used for the event stream too, because EventSource cannot send an Authorization header.
'use strict';

(function () {
  const B2G = window.B2G || (window.B2G = {});

  /** An error answer of the API, carrying the problem+json fields people need to read. */
  class ApiError extends Error {
    constructor(status, title, detail, errors) {
      super(detail || title || ('HTTP ' + status));
      this.status = status;
      this.title = title || ('HTTP ' + status);
      this.detail = detail || '';
      this.errors = errors || []; // every problem of a bad upload (a workbook), one line each
    }
  }

  const enc = encodeURIComponent;

  /** Paths of the service; kept together so that a change of the API touches one place. */
  const paths = {
    events: () => '/api/events',
    event: (id) => `/api/events/${enc(id)}`,
    candidates: (id) => `/api/events/${enc(id)}/candidates`,
    solve: (id) => `/api/events/${enc(id)}/solve`,
    solveStream: (id) => `/api/events/${enc(id)}/solve/stream`,
    schedule: (id) => `/api/events/${enc(id)}/schedule`,
    scheduleCsv: (id, separator) => `/api/events/${enc(id)}/schedule?separator=${enc(separator)}`,
    participants: (id) => `/api/events/${enc(id)}/participants`,
    repair: (id) => `/api/events/${enc(id)}/repair`,
    publish: (id) => `/api/events/${enc(id)}/publish`,
    versions: (id) => `/api/events/${enc(id)}/versions`,
    changes: (id) => `/api/events/${enc(id)}/changes`,
    day: (id) => `/api/events/${enc(id)}/day`,
    attendance: (id, pid, mid) => `/api/events/${enc(id)}/participants/${enc(pid)}/meetings/${enc(mid)}/attendance`,
    absence: (id, pid) => `/api/events/${enc(id)}/participants/${enc(pid)}/absence`,
    token: (id, pid) => `/api/events/${enc(id)}/participants/${enc(pid)}/token`,
    agenda: (id, pid) => `/api/events/${enc(id)}/participants/${enc(pid)}/agenda`,
    selfService: (id) => `/api/events/${enc(id)}/self-service`,
    counterparts: (id, pid) => `/api/events/${enc(id)}/participants/${enc(pid)}/counterparts`,
    requests: (id, pid) => `/api/events/${enc(id)}/participants/${enc(pid)}/requests`,
    request: (id, pid, rid, action) => `/api/events/${enc(id)}/participants/${enc(pid)}/requests/${enc(rid)}/${action}`,
  };

  async function problemOf(response) {
    const type = response.headers.get('Content-Type') || '';
    let title = response.statusText;
    let detail = '';
    let errors = [];
    try {
      if (type.includes('json')) {
        const body = await response.json();
        title = body.title || title;
        detail = body.detail || body.message || '';
        if (Array.isArray(body.errors)) errors = body.errors.map(String);
      } else {
        detail = (await response.text()).trim().slice(0, 500);
      }
    } catch (ignored) {
      // The status alone still says what happened.
    }
    return new ApiError(response.status, title, detail, errors);
  }

  /** Calls the API with the given bearer token; resolves to parsed JSON, text or null (204). */
  async function call(method, path, { token, body, accept = 'application/json', contentType } = {}) {
    const headers = { Accept: accept };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    const response = await fetch(path, { method, headers, body, cache: 'no-store' });
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return response.json();
    const text = await response.text();
    if (accept.includes('json') && text && (text.startsWith('{') || text.startsWith('['))) return JSON.parse(text);
    return text;
  }

  /**
   * Reads a Server-Sent Events stream and calls onEvent(name, data) per event; resolves when the stream ends.
   * Returns {done, abort}.
   */
  function stream(path, token, onEvent) {
    const controller = new AbortController();
    const done = (async () => {
      const headers = { Accept: 'text/event-stream' };
      if (token) headers.Authorization = 'Bearer ' + token;
      const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok) throw await problemOf(response);
      const type = response.headers.get('Content-Type') || '';
      if (!type.includes('event-stream')) {
        // A server without a stream answered with the plain state: report it as one event.
        onEvent('state', await response.text());
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let name = 'message';
      let data = [];
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.search(/\r?\n/)) >= 0) {
          const line = buffer.slice(0, cut);
          buffer = buffer.slice(cut + (buffer[cut] === '\r' ? 2 : 1));
          if (line === '') {
            if (data.length) onEvent(name, data.join('\n'));
            name = 'message';
            data = [];
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
          } else if (line.startsWith('event:')) {
            name = line.slice(6).trim();
          }
        }
      }
      if (data.length) onEvent(name, data.join('\n'));
    })();
    return { done, abort: () => controller.abort() };
  }

  /**
   * Downloads what the API sends for this Accept (a workbook or CSV) and hands it to the browser to save, under the
   * file name of its Content-Disposition; resolves to that name.
   */
  async function download(path, token, accept) {
    const headers = { Accept: accept };
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (!response.ok) throw await problemOf(response);
    const disposition = response.headers.get('Content-Disposition') || '';
    const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="([^"]+)"/i.exec(disposition);
    const name = exact ? decodeURIComponent(exact[1]) : plain ? plain[1] : 'download';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.setAttribute('href', url);
    link.setAttribute('download', name);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  B2G.api = { ApiError, paths, call, stream, download };
})();
