// The organizer console: sign in, events, candidate matches, solving with live progress, the schedule grid,
// and personal links. One page; the URL hash names the open event (#/events/ID/tab) so reloads keep the place.
'use strict';

(function () {
  const { api, event: model } = window.B2G;
  const TOKEN_KEY = 'b2g.organizerToken';
  const ORIGINS = ['required', 'must', 'mutual', 'request', 'recommended'];
  const $ = (id) => document.getElementById(id);

  const state = { id: null, doc: null, people: new Map(), schedule: null, job: null, timeLimit: 30 };

  // ---- small helpers ------------------------------------------------------------------------------------------

  const { el, fold } = window.B2G.dom;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function call(method, path, options = {}) { return api.call(method, path, { token: token(), ...options }); }

  function showError(box, error) {
    if (!error) { box.hidden = true; box.textContent = ''; return; }
    box.replaceChildren(el('strong', { text: error.title || 'Error' }), error.detail || error.message || '');
    box.hidden = false;
  }

  /** Sends the user back to sign in when the token is refused; returns true when it did. */
  function handleAuth(error) {
    if (error instanceof api.ApiError && error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      route();
      showError($('sign-in-error'), { title: 'Signed out', detail: 'The organizer token was refused; sign in again.' });
      return true;
    }
    return false;
  }

  function nameOf(id) { const p = state.people.get(id); return p ? p.name : id; }
  function roleOf(id) { const p = state.people.get(id); return p ? p.role : ''; }
  function originClass(origin) { return ORIGINS.includes(origin) ? 'origin-' + origin : ''; }

  /** "1 meeting", "2 meetings". */
  function plural(n, noun, nouns = noun + 's') { return `${n} ${n === 1 ? noun : nouns}`; }

  function seconds(ms) { return ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(1) + ' s'; }

  const METRIC_LABELS = {
    score: 'Score', scheduled: 'Meetings scheduled', breaks: 'Breaks', maxBreaksOfAParticipant: 'Most breaks of one participant',
    participantsWithoutMeetings: 'Participants without meetings',
  };

  /** A label for a metric: the known ones by name, others by splitting the camel case. */
  function metricLabel(key) {
    if (METRIC_LABELS[key]) return METRIC_LABELS[key];
    const text = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- routing ------------------------------------------------------------------------------------------------

  function route() {
    const signedIn = Boolean(token());
    $('sign-in').hidden = signedIn;
    $('sign-out').hidden = !signedIn;
    const match = /^#\/events\/([^/]+)(?:\/(\w+))?/.exec(location.hash);
    $('events').hidden = !signedIn || Boolean(match);
    $('event').hidden = !signedIn || !match;
    if (!signedIn) { $('token').focus(); return; }
    if (match) openEvent(decodeURIComponent(match[1]), match[2] || 'matches');
    else { closeJob(); state.id = null; loadEvents(); }
  }

  // ---- sign in ------------------------------------------------------------------------------------------------

  async function signIn(submit) {
    submit.preventDefault();
    const candidate = $('token').value.trim();
    try {
      await api.call('GET', api.paths.events(), { token: candidate });
      sessionStorage.setItem(TOKEN_KEY, candidate);
      $('token').value = '';
      showError($('sign-in-error'), null);
      route();
    } catch (error) {
      showError($('sign-in-error'), error.status === 401 || error.status === 403
          ? { title: 'Token refused', detail: 'This is not the organizer token of this service.' } : error);
    }
  }

  function signOut() {
    closeJob();
    sessionStorage.removeItem(TOKEN_KEY);
    location.hash = '';
    route();
  }

  // ---- events -------------------------------------------------------------------------------------------------

  async function loadEvents() {
    try {
      const { events } = await call('GET', api.paths.events());
      const body = $('event-list').tBodies[0];
      body.replaceChildren(...events.map((e) => el('tr', {},
          el('td', {}, el('a', { href: '#/events/' + encodeURIComponent(e.id) }, e.name || e.id)),
          el('td', { class: 'mono' }, e.id),
          el('td', {}, e.participants),
          el('td', {}, solveSummary(e.solve)),
          el('td', {}, el('button', { type: 'button', class: 'danger', 'aria-label': 'Delete ' + (e.name || e.id),
            onclick: () => deleteEvent(e) }, 'Delete')))));
      $('no-events').hidden = events.length > 0;
    } catch (error) {
      if (!handleAuth(error)) showError($('upload-error'), error);
    }
  }

  /** "DONE · 583 meetings (stale)" from the last solve of an event, or "—" when it was never solved. */
  function solveSummary(solve) {
    if (!solve) return '—';
    const placed = solve.state === 'SOLVING' ? '' : ' · ' + plural(solve.scheduled, 'meeting');
    return solve.state + placed + (solve.stale ? ' (stale)' : '');
  }

  async function deleteEvent(e) {
    if (!confirm(`Delete the event "${e.name || e.id}" and its schedule?`)) return;
    try { await call('DELETE', api.paths.event(e.id)); } catch (error) { if (!handleAuth(error)) showError($('upload-error'), error); }
    loadEvents();
  }

  async function upload(submit) {
    submit.preventDefault();
    showError($('upload-error'), null);
    $('upload-ok').hidden = true;
    const file = $('event-file').files[0];
    if (!file) return;
    if (isWorkbook(file)) { uploadWorkbook(file); return; }
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch (error) {
      showError($('upload-error'), { title: `${file.name} is not JSON`, detail: error.message });
      return;
    }
    $('upload').disabled = true;
    try {
      const created = await call('POST', api.paths.events(), { body: text });
      $('upload-ok').textContent = `Created event ${created && created.id}.`;
      $('upload-ok').hidden = false;
      $('upload-form').reset();
      if (created && created.id) location.hash = '#/events/' + encodeURIComponent(created.id);
      else loadEvents();
    } catch (error) {
      if (handleAuth(error)) return;
      if (error.status === 409) { offerReplacement(text); return; }
      showError($('upload-error'), { title: `${file.name} was not accepted (${error.title})`, detail: error.detail });
    } finally {
      $('upload').disabled = false;
    }
  }

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  function isWorkbook(file) { return file.type === XLSX || /\.xlsx$/i.test(file.name); }

  /** An .xlsx workbook goes as it is: the service imports it and lists every problem it finds, one per line. */
  async function uploadWorkbook(file) {
    $('upload').disabled = true;
    try {
      const created = await call('POST', api.paths.events(), { body: file, contentType: XLSX });
      $('upload-ok').textContent = `Created event ${created && created.id} from ${file.name}.`;
      $('upload-ok').hidden = false;
      $('upload-form').reset();
      if (created && created.id) location.hash = '#/events/' + encodeURIComponent(created.id);
      else loadEvents();
    } catch (error) {
      const list = error.errors && error.errors.length > 1 ? '\n' + error.errors.join('\n') : '';
      if (!handleAuth(error)) showError($('upload-error'), { title: `${file.name} was not accepted (${error.title})`, detail: error.detail + list });
    } finally {
      $('upload').disabled = false;
    }
  }

  /** Saves a sheet of the open event (schedule or participants) as the browser's download; errors go to box. */
  async function downloadSheet(path, accept, box) {
    showError(box, null);
    try {
      await api.download(path, token(), accept);
    } catch (error) {
      if (!handleAuth(error)) showError(box, error);
    }
  }

  /** "a, b and 3 more": a few ids to read in one line. */
  function some(ids) {
    return ids.length <= 4 ? ids.join(', ') : ids.slice(0, 3).join(', ') + ` and ${ids.length - 3} more`;
  }

  /** What an uploaded version of a stored event changes, in lines an organizer reads before replacing it. */
  function eventChanges(stored, next) {
    const byId = (doc) => new Map((doc.participants || []).map((p) => [p.id, p]));
    const before = byId(stored);
    const after = byId(next);
    const added = [...after.keys()].filter((id) => !before.has(id));
    const removed = [...before.keys()].filter((id) => !after.has(id));
    const availability = [...after.keys()].filter((id) => before.has(id)
      && JSON.stringify((before.get(id).unavailableSlots || []).slice().sort())
        !== JSON.stringify((after.get(id).unavailableSlots || []).slice().sort()));
    const key = (r) => r.from + '>' + r.to + ':' + (r.priority || 'normal');
    const requestsBefore = new Set((stored.requests || []).map(key));
    const requestsAfter = new Set((next.requests || []).map(key));
    const pairs = (doc) => new Set((doc.exclusions || []).map((x) => x.participants.slice().sort().join('+')));
    const exclusionsBefore = pairs(stored);
    const exclusionsAfter = pairs(next);
    const lines = [];
    if (added.length) lines.push(`${plural(added.length, 'new participant')}: ${some(added)}`);
    if (removed.length) lines.push(`${plural(removed.length, 'participant')} gone: ${some(removed)}`);
    if (availability.length) lines.push(`availability changed for ${some(availability)}`);
    const newRequests = [...requestsAfter].filter((r) => !requestsBefore.has(r)).length;
    const goneRequests = [...requestsBefore].filter((r) => !requestsAfter.has(r)).length;
    if (newRequests || goneRequests) lines.push(`requests: ${newRequests} new, ${goneRequests} withdrawn or changed`);
    const newExclusions = [...exclusionsAfter].filter((x) => !exclusionsBefore.has(x)).length;
    if (newExclusions) lines.push(`${plural(newExclusions, 'new exclusion')}`);
    return lines;
  }

  /** The uploaded event exists: say what replacing it changes, and replace it only when asked. */
  async function offerReplacement(text) {
    const next = JSON.parse(text);
    const id = next.event && next.event.id;
    let stored = null;
    try { stored = await call('GET', api.paths.event(id)); } catch (error) { if (handleAuth(error)) return; }
    const lines = stored ? eventChanges(stored, next) : [];
    $('replace-text').textContent = `An event with the id ${id} is already stored. Replacing it keeps its schedule, `
      + 'published versions and calendars; the published schedule changes only when you repair and publish. '
      + (lines.length ? 'The upload changes:' : 'The upload changes no participant, availability, request or exclusion.');
    $('replace-changes').replaceChildren(...lines.map((line) => el('li', {}, line)));
    $('replace-box').hidden = false;
    state.replacement = { id, text };
  }

  async function replaceEvent() {
    const { id, text } = state.replacement;
    $('replace').disabled = true;
    try {
      await call('PUT', api.paths.event(id), { body: text });
      $('replace-box').hidden = true;
      $('upload-form').reset();
      location.hash = '#/events/' + encodeURIComponent(id) + '/solve';
    } catch (error) {
      if (!handleAuth(error)) showError($('upload-error'), error);
    } finally {
      $('replace').disabled = false;
    }
  }

  // ---- one event ----------------------------------------------------------------------------------------------

  async function openEvent(id, tab) {
    if (state.id !== id) {
      closeJob();
      Object.assign(state, { id, doc: null, people: new Map(), schedule: null });
      resetProgress();
      $('event-title').textContent = id;
      $('event-facts').textContent = '';
      showError($('event-error'), null);
      $('matches').replaceChildren();
      try {
        state.doc = await call('GET', api.paths.event(id));
        state.people = model.participants(state.doc);
        showFacts();
        renderParticipants();
        loadMatches();
        loadSchedule();
        loadPublication();
        loadDay();
        watchRunningJob();
      } catch (error) {
        if (!handleAuth(error)) showError($('event-error'), error);
        return;
      }
    }
    select(tab);
  }

  function showFacts() {
    const info = state.doc.event || {};
    const counts = { startup: 0, agency: 0, company: 0 };
    for (const p of state.people.values()) counts[p.role] = (counts[p.role] || 0) + 1;
    $('event-title').textContent = info.name || state.id;
    document.title = (info.name || state.id) + ' — B2G console';
    const slots = model.slots(info);
    const parts = [
      counts.startup && plural(counts.startup, 'startup'), counts.agency && plural(counts.agency, 'agency', 'agencies'),
      counts.company && plural(counts.company, 'company', 'companies'), plural(slots.length, 'slot'),
      plural(model.tables(info).length, 'table'), plural((state.doc.meetings || []).length, 'required meeting'),
      plural((state.doc.requests || []).length, 'request')];
    $('event-facts').textContent = parts.filter(Boolean).join(' · ');
  }

  function select(tab) {
    for (const name of ['matches', 'solve', 'schedule', 'participants']) {
      const on = name === tab;
      $('tab-' + name).setAttribute('aria-selected', String(on));
      $('tab-' + name).tabIndex = on ? 0 : -1;
      $('panel-' + name).hidden = !on;
    }
    if (tab === 'participants') {
      loadSelfService();
      loadPublication();
    }
  }

  function go(tab) { location.hash = '#/events/' + encodeURIComponent(state.id) + '/' + tab; }

  // ---- matches ------------------------------------------------------------------------------------------------

  /** The request mark of a candidate (its origin): must, mutual, one-sided or null. */
  function requestMark(origin) {
    if (origin === 'must' || origin === 'mutual') return origin;
    return origin === 'request' ? 'one-sided' : null;
  }

  /** The candidates answer (a flat list of candidate meetings) ranked per participant. */
  function rankings(answer) {
    const per = new Map();
    for (const m of answer.candidates) {
      const [a, b] = m.participants.map((p) => p.id);
      for (const [self, other] of [[a, b], [b, a]]) {
        if (!per.has(self)) per.set(self, []);
        per.get(self).push({ id: other, relevance: m.relevance, reasons: window.B2G.reasons.render(m, document.documentElement.lang), mark: requestMark(m.origin), required: m.origin === 'required' });
      }
    }
    return [...per].map(([id, cs]) => ({ id, candidates: cs.sort((a, b) => b.relevance - a.relevance) }));
  }

  async function loadMatches() {
    showError($('matches-error'), null);
    try {
      state.rankings = rankings(await call('GET', api.paths.candidates(state.id)));
      renderMatches();
    } catch (error) {
      if (!handleAuth(error)) showError($('matches-error'), { title: 'Matches are not available', detail: error.detail || error.message });
    }
  }

  function renderMatches() {
    const role = $('match-role').value;
    const needle = fold($('match-filter').value.trim());
    const cards = [];
    for (const r of state.rankings || []) {
      const name = nameOf(r.id);
      if (role !== 'all' && roleOf(r.id) !== role) continue;
      if (needle && !fold(name).includes(needle) && !fold(r.id).includes(needle)) continue;
      const items = r.candidates.map((c) => el('li', {},
          el('strong', {}, nameOf(c.id)), ' ',
          c.relevance === undefined || c.relevance === null ? null : el('span', { class: 'meter', role: 'img',
            'aria-label': 'relevance ' + Number(c.relevance).toFixed(2) }, el('span', { style: { width: `${Math.round(Math.min(1, c.relevance) * 100)}%` } })),
          c.relevance === undefined || c.relevance === null ? null : el('span', { class: 'small mono' }, ' ' + Number(c.relevance).toFixed(2)),
          c.required ? [' ', el('span', { class: 'badge origin-required' }, 'required')] : null,
          c.mark ? [' ', el('span', { class: 'badge ' + originClass(c.mark === 'one-sided' ? 'request' : c.mark) }, c.mark)] : null,
          c.reasons.length ? el('div', { class: 'reasons' }, c.reasons.join('; ')) : null));
      cards.push(el('article', { class: 'card', 'data-participant': r.id },
          el('h3', {}, name, ' ', el('span', { class: 'muted small' }, roleOf(r.id))),
          items.length ? el('ol', {}, items) : el('p', { class: 'muted small' }, 'No candidates.')));
    }
    $('matches').replaceChildren(...(cards.length ? cards : [el('p', { class: 'muted' }, 'Nobody matches this filter.')]));
  }

  // ---- solving ------------------------------------------------------------------------------------------------

  function closeJob() {
    if (state.job) { state.job.abort(); state.job = null; }
    clearTimeout(state.poll);
  }

  async function watchRunningJob() {
    try {
      const status = await call('GET', api.paths.solve(state.id));
      if (status.state === 'SOLVING') follow(status);
      else showProgress(status);
    } catch (error) {
      if (!handleAuth(error)) resetProgress(); // 404: never solved, nothing of another event may stay on show
    }
  }

  function resetProgress() {
    $('progress-box').hidden = true;
    for (const field of ['p-state', 'p-score', 'p-placed', 'p-time', 'p-moves']) $(field).textContent = '—';
    $('solve-progress').value = 0;
    showError($('solve-error'), null);
  }

  async function solve(submit) {
    submit.preventDefault();
    showError($('solve-error'), null);
    state.timeLimit = Math.max(1, +$('time-limit').value || 30);
    $('solve').disabled = true;
    try {
      const started = await call('POST', api.paths.solve(state.id) + '?timeLimit=' + state.timeLimit + 's');
      follow(started && started.state ? started : { state: 'SOLVING' });
    } catch (error) {
      $('solve').disabled = false;
      if (error.status === 409) { follow({ state: 'SOLVING' }); return; }
      if (!handleAuth(error)) showError($('solve-error'), error);
    }
  }

  async function stop() {
    $('stop').disabled = true;
    try { await call('DELETE', api.paths.solve(state.id)); } catch (error) { if (!handleAuth(error)) showError($('solve-error'), error); }
  }

  /** Follows a running job through the event stream, falling back to polling when the stream fails. */
  function follow(first) {
    closeJob();
    const id = state.id;
    $('solve').disabled = true;
    $('stop').disabled = false;
    state.started = performance.now();
    // A new job starts from nothing: the last job's figures must not pass for this one's.
    for (const field of ['p-score', 'p-placed', 'p-time', 'p-moves']) $(field).textContent = '—';
    showProgress(first);
    const job = api.stream(api.paths.solveStream(id), token(), (name, data) => {
      let update;
      try { update = JSON.parse(data); } catch (ignored) { return; }
      if (state.id === id) showProgress(update);
    });
    state.job = job;
    job.done.then(() => finish(id), (error) => {
      if (error.name === 'AbortError' || state.id !== id) return;
      poll(id);
    });
  }

  function poll(id) {
    const tick = async () => {
      if (state.id !== id) return;
      try {
        const status = await call('GET', api.paths.solve(id));
        showProgress(status);
        if (status.state === 'SOLVING') { state.poll = setTimeout(tick, 1000); return; }
      } catch (error) {
        if (handleAuth(error)) return;
      }
      finish(id);
    };
    tick();
  }

  async function finish(id) {
    if (state.id !== id) return;
    state.job = null;
    let status = null;
    try { status = await call('GET', api.paths.solve(id)); } catch (ignored) { /* keep the last update */ }
    if (status && status.state === 'SOLVING') { poll(id); return; }
    if (status) showProgress(status);
    $('solve').disabled = false;
    $('stop').disabled = true;
    if (status && status.state === 'FAILED') {
      showError($('solve-error'), { title: 'Solving failed', detail: status.reason });
      return;
    }
    // A job can read DONE a moment before its schedule is stored: ask again briefly before saying there is none.
    for (let attempt = 0; attempt < 20 && state.id === id; attempt++) {
      await loadSchedule();
      if (state.schedule || !status || status.state !== 'DONE') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await loadPublication();
    if (state.schedule && state.id === id) go('schedule');
  }

  /** Milliseconds spent by the job: as the service counts them while it solves, from start to finish after. */
  function elapsedOf(update, done) {
    if (!done) return update.elapsedMillis;
    return Math.max(0, Date.parse(update.finishedAt) - Date.parse(update.startedAt));
  }

  function showProgress(update) {
    $('progress-box').hidden = false;
    const done = Boolean(update.state) && update.state !== 'SOLVING';
    if (update.state) {
      const notes = [update.queued && 'queued', update.stoppedEarly && 'stopped early', update.stale && 'stale'];
      const note = notes.filter(Boolean).join(', ');
      $('p-state').textContent = update.state + (note ? ` (${note})` : '');
      // A repair's reading of the published schedule: what to check before publishing its draft.
      const plan = [...(update.warnings || []).map((w) => 'Check: ' + w), ...(update.notes || []).map((n) => 'Note: ' + n)];
      $('p-plan').replaceChildren(...plan.map((line) => el('li', {}, line)));
      $('p-plan').hidden = plan.length === 0;
      // Why the solve ended; a reason the job already notes (no valid schedule) is not said twice.
      const stopped = update.stopReason ? `Stopped: ${update.stopReason.description}.` : '';
      $('p-stop').textContent = stopped;
      $('p-stop').hidden = !stopped || (update.notes || []).includes(stopped);
    }
    if (update.score !== undefined) $('p-score').textContent = update.score;
    $('p-placed').textContent = update.candidates ? `${update.scheduled} of ${update.candidates}` : String(update.scheduled);
    const elapsed = elapsedOf(update, done);
    if (elapsed !== undefined && !Number.isNaN(elapsed)) $('p-time').textContent = seconds(elapsed);
    if (update.movesTried) $('p-moves').textContent = update.movesTried.toLocaleString('en');
    const bar = $('solve-progress');
    bar.value = done ? 100 : Math.min(99, Math.round(100 * (elapsed || 0) / (state.timeLimit * 1000)));
    bar.setAttribute('aria-valuetext', done ? 'done' : bar.value + '% of the time limit');
  }

  // ---- publication --------------------------------------------------------------------------------------------

  async function repair(submit) {
    submit.preventDefault();
    showError($('publish-error'), null);
    state.timeLimit = Math.max(1, +$('time-limit').value || 30);
    try {
      const started = await call('POST', api.paths.repair(state.id) + '?mode=' + encodeURIComponent($('repair-mode').value)
          + '&timeLimit=' + state.timeLimit + 's');
      follow(started && started.state ? started : { state: 'SOLVING' });
    } catch (error) {
      if (!handleAuth(error)) showError($('publish-error'), error);
    }
  }

  async function publish(version) {
    showError($('publish-error'), null);
    try {
      await call('POST', api.paths.publish(state.id) + (version ? '?version=' + version : ''));
      await loadPublication();
      await loadDay();
    } catch (error) {
      if (!handleAuth(error)) showError($('publish-error'), error);
    }
  }

  /** The published versions, and what publishing the draft would change for whom. */
  async function loadPublication() {
    const id = state.id;
    let versions = [];
    try {
      versions = (await call('GET', api.paths.versions(id))).versions;
    } catch (error) {
      if (handleAuth(error)) return;
    }
    if (state.id !== id) return;
    $('versions-empty').hidden = versions.length > 0;
    const latest = versions.length ? versions[versions.length - 1].version : 0;
    $('versions').replaceChildren(...versions.slice().reverse().map((v) => el('li', {},
        `Version ${v.version} · ${new Date(v.publishedAt).toLocaleString()} · ${v.note}`,
        v.version === latest ? el('strong', { text: ' (published)' })
          : el('button', { type: 'button', class: 'link', onclick: () => publish(v.version) }, 'Publish again'))));
    $('repair').disabled = versions.length === 0;
    $('changes').replaceChildren();
    $('changes-summary').textContent = '';
    if (!versions.length) return;
    try {
      renderChanges(await call('GET', api.paths.changes(id)));
    } catch (error) {
      if (handleAuth(error)) return;
      $('changes-summary').textContent = error.detail || error.title;
    }
  }

  function who(pid) {
    const p = state.people.get(pid);
    return p && p.name ? p.name : pid;
  }

  function place(p) {
    return `slot ${p.slot}${p.start ? ' (' + p.start.slice(11, 16) + ')' : ''}${p.table ? ', table ' + p.table : ''}`;
  }

  /** The change report grouped by participant: what each person would be told if the draft were published. */
  function renderChanges(report) {
    const lines = new Map();
    const add = (pid, text) => { if (!lines.has(pid)) lines.set(pid, []); lines.get(pid).push(text); };
    for (const m of report.moved) {
      for (const [self, other] of [[m.participants[0], m.participants[1]], [m.participants[1], m.participants[0]]]) {
        add(self, `moved: with ${who(other)} from ${place(m.from)} to ${place(m.to)} (${m.reason})`);
      }
    }
    for (const m of report.cancelled) {
      for (const [self, other] of [[m.participants[0], m.participants[1]], [m.participants[1], m.participants[0]]]) {
        add(self, `cancelled: with ${who(other)} in slot ${m.slot} (${m.reason})`);
      }
    }
    for (const m of report.added) {
      for (const [self, other] of [[m.participants[0], m.participants[1]], [m.participants[1], m.participants[0]]]) {
        add(self, `added: with ${who(other)} in ${place(m)} (${m.origin})`);
      }
    }
    $('changes-summary').textContent = report.peopleAffected === 0
      ? `The draft changes nothing for anybody (${plural(report.kept, 'meeting')} kept).`
      : `Publishing the draft keeps ${plural(report.kept, 'meeting')}, moves ${report.moved.length}, cancels `
        + `${report.cancelled.length} and adds ${report.added.length}: ${plural(report.peopleAffected, 'person', 'people')} `
        + 'will see a changed agenda.';
    $('changes').replaceChildren(...[...lines].sort((a, b) => who(a[0]).localeCompare(who(b[0]))).map(([pid, texts]) =>
      el('details', {}, el('summary', {}, `${who(pid)} (${plural(texts.length, 'change')})`),
        el('ul', {}, ...texts.map((t) => el('li', {}, t))))));
  }

  // ---- the day ------------------------------------------------------------------------------------------------

  /** The published schedule's day so far: counts per table, and the meetings and people to mark. */
  async function loadDay() {
    const id = state.id;
    let status = null;
    try {
      status = await call('GET', api.paths.day(id));
    } catch (error) {
      if (handleAuth(error)) return;
    }
    if (state.id !== id) return;
    $('day-card').hidden = !status;
    if (!status) return;
    const STATES = { held: 'held', 'no-show': 'no-show', pending: 'to come' };
    $('day-tables').tBodies[0].replaceChildren(...status.tables.map((t) => el('tr', {},
        el('td', {}, t.table), el('td', {}, String(t.held)), el('td', {}, String(t.noShow)),
        el('td', {}, String(t.pending)))));
    const chosen = $('mark-meeting').value;
    $('mark-meeting').replaceChildren(...status.meetings.slice().sort((a, b) => a.slot - b.slot).map((m) =>
      el('option', { value: m.id + '|' + m.participants[0], selected: m.id + '|' + m.participants[0] === chosen },
        `slot ${m.slot} · ${m.table} · ${who(m.participants[0])} + ${who(m.participants[1])} · ${STATES[m.state]}`)));
    const absent = new Set(status.absent);
    $('absent-who').replaceChildren(...[...state.people.values()].filter((p) => !absent.has(p.id))
      .map((p) => el('option', { value: p.id }, p.name ? `${p.name} (${p.id})` : p.id)));
    $('present-form').hidden = absent.size === 0;
    $('present-who').replaceChildren(...status.absent.map((pid) => el('option', { value: pid }, `${who(pid)} (${pid})`)));
  }

  /** Takes an absence recorded by mistake back: the meetings that can still take place come back. */
  async function markPresent(submit) {
    submit.preventDefault();
    showError($('day-error'), null);
    const pid = $('present-who').value;
    try {
      const back = await call('DELETE', api.paths.absence(state.id, pid));
      $('absence-summary').textContent = back.note ? back.note
        : `${who(pid)} is no longer absent: ${plural(back.restored.length, 'meeting')} `
        + `restored in published version ${back.version}` + (back.notRestored.length
          ? `; ${plural(back.notRestored.length, 'meeting')} could not come back:` : '.');
      $('offers').replaceChildren(...back.notRestored.map((n) => el('li', {},
        `with ${who(n.counterpart)}, slot ${n.slot}: ${n.reason}`)));
      await loadDay();
      await loadPublication();
    } catch (error) {
      if (!handleAuth(error)) showError($('day-error'), error);
    }
  }

  async function markMeeting(submit) {
    submit.preventDefault();
    showError($('day-error'), null);
    const [mid, pid] = $('mark-meeting').value.split('|');
    const choice = submit.submitter ? submit.submitter.dataset.state : 'held';
    try {
      await call('PUT', api.paths.attendance(state.id, pid, mid) + '?state=' + choice);
      await loadDay();
    } catch (error) {
      if (!handleAuth(error)) showError($('day-error'), error);
    }
  }

  async function markAbsent(submit) {
    submit.preventDefault();
    showError($('day-error'), null);
    const pid = $('absent-who').value;
    try {
      const absence = await call('POST', api.paths.absence(state.id, pid));
      $('absence-summary').textContent = absence.waiting ? absence.waiting
        : `${who(pid)} is absent: ${plural(absence.cancelled.length, 'meeting')} `
        + `cancelled in published version ${absence.version}. Freed slots and who could meet there instead:`;
      $('offers').replaceChildren(...absence.offers.map((o) => el('li', {},
        `${who(o.counterpart)}, slot ${o.slot}: ` + (o.suggestions.length
          ? o.suggestions.map((s) => `${who(s.participant)} (table ${s.table}, breaks ${s.breakChange >= 0 ? '+' : ''}${s.breakChange})`).join('; ')
          : 'nobody fits without moving someone'))));
      await loadDay();
      await loadPublication();
    } catch (error) {
      if (!handleAuth(error)) showError($('day-error'), error);
    }
  }

  // ---- schedule -----------------------------------------------------------------------------------------------

  async function loadSchedule() {
    showError($('schedule-error'), null);
    try {
      state.schedule = await call('GET', api.paths.schedule(state.id));
    } catch (error) {
      state.schedule = null;
      if (handleAuth(error)) return;
      if (error.status !== 404) showError($('schedule-error'), error);
    }
    $('schedule-empty').hidden = Boolean(state.schedule);
    for (const note of document.querySelectorAll('.stale-note')) note.hidden = !(state.schedule && state.schedule.stale);
    $('schedule-box').hidden = !state.schedule;
    if (state.schedule) renderSchedule();
    renderParticipants();
  }

  function renderSchedule() {
    const schedule = state.schedule;
    const info = state.doc.event || {};
    const metrics = { score: schedule.score, ...schedule.metrics };
    $('metrics').replaceChildren(...Object.entries(metrics).map(([key, value]) =>
        el('div', {}, el('dt', {}, metricLabel(key)), el('dd', { class: key === 'score' ? 'mono' : null }, String(value).replace(/\//g, '/\u200b')))));

    const slots = model.slots(info);
    const tables = model.tables(info);
    const meetings = schedule.meetings;
    const at = new Map();
    for (const m of meetings) {
      const key = m.table + '\u0000' + m.slot;
      if (!at.has(key)) at.set(key, []);
      at.get(key).push(m);
    }
    const head = el('tr', {}, el('th', { scope: 'col' }, 'Table'), slots.map((s, i) => el('th', {
      scope: 'col', class: i > 0 && s.session !== slots[i - 1].session ? 'session-start' : null,
    }, '#' + s.number, s.start ? el('span', { class: 'time' }, (s.day && slots.some((x) => x.day !== s.day) ? s.day.slice(5) + ' ' : '') + s.start) : null)));
    const rows = tables.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.name),
        slots.map((s, i) => cell(at.get(t.id + '\u0000' + s.number) || [], s, i > 0 && s.session !== slots[i - 1].session))));
    $('grid').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));

    const options = [...state.people.values()].sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => el('option', { value: p.id }, `${p.name} (${p.role})`));
    const filter = $('grid-filter');
    const chosen = filter.value;
    filter.replaceChildren(el('option', { value: '' }, 'Everyone'), ...options);
    filter.value = chosen;
    findInGrid();

    const unscheduled = schedule.unscheduled;
    $('unscheduled').tBodies[0].replaceChildren(...unscheduled.map((u) => el('tr', {},
        el('td', {}, u.participants.map(nameOf).join(' ↔ ')),
        el('td', {}, el('span', { class: 'badge ' + originClass(u.origin) }, u.origin)),
        el('td', {}, u.reason))));
    $('unscheduled').hidden = unscheduled.length === 0;
    $('none-unscheduled').hidden = unscheduled.length > 0;
  }

  function cell(here, slot, sessionStart) {
    if (!here.length) return el('td', { class: sessionStart ? 'session-start' : null });
    const m = here[0];
    const [a, b] = m.participants;
    const when = m.start ? model.clockOfIso(m.start) + '–' + model.clockOfIso(m.end) : 'slot ' + slot.number;
    const why = window.B2G.reasons.render(m, document.documentElement.lang).join('; ');
    const title = `${nameOf(a)} ↔ ${nameOf(b)}, ${when}, ${m.origin || ''}${m.relevance !== undefined ? ', relevance ' + m.relevance : ''}${why ? ': ' + why : ''}`;
    return el('td', {
      class: ['meeting', originClass(m.origin), sessionStart ? 'session-start' : null, here.length > 1 ? 'clash' : null].filter(Boolean).join(' '),
      title, 'data-participants': m.participants.join(' '), 'data-origin': m.origin,
    }, el('span', { class: 'a' }, nameOf(a)), el('span', { class: 'b' }, nameOf(b)),
        here.length > 1 ? el('strong', { class: 'small' }, `+${here.length - 1} more`) : null);
  }

  /** Narrows the participant list to the names and ids that contain what was typed; a single match is chosen. */
  function findInGrid() {
    const needle = fold($('grid-find').value.trim());
    const filter = $('grid-filter');
    const shown = [];
    for (const option of filter.options) {
      const match = !option.value || !needle || fold(option.textContent + ' ' + option.value).includes(needle);
      option.hidden = !match;
      if (match && option.value) shown.push(option);
    }
    if (needle && shown.length === 1) filter.value = shown[0].value;
    else if (needle && filter.selectedOptions[0] && filter.selectedOptions[0].hidden) filter.value = '';
    applyFilter();
  }

  function applyFilter() {
    const who = $('grid-filter').value;
    let count = 0;
    for (const td of $('grid').querySelectorAll('td')) {
      const mine = !who || (td.dataset.participants || '').split(' ').includes(who);
      td.classList.toggle('dim', Boolean(who) && !mine);
      if (who && mine && td.classList.contains('meeting')) count++;
    }
    const total = state.schedule.meetings.length;
    $('grid-count').textContent = who ? `${plural(count, 'meeting')} of ${nameOf(who)}` : plural(total, 'meeting');
  }

  // ---- participants and personal links --------------------------------------------------------------------------

  function renderParticipants() {
    if (!state.doc) return;
    const counts = new Map();
    for (const m of (state.schedule && state.schedule.meetings) || []) {
      for (const p of m.participants) counts.set(p, (counts.get(p) || 0) + 1);
    }
    $('participants').tBodies[0].replaceChildren(...[...state.people.values()].map((p) => {
      const linkBox = el('div', { class: 'link-cell' },
          el('button', { type: 'button', onclick: (e) => personalLink(p, e.currentTarget.parentElement) }, 'Get link'));
      return el('tr', { 'data-participant': p.id }, el('td', {}, p.name, el('div', { class: 'muted small mono' }, p.id)),
          el('td', {}, p.role), el('td', {}, state.schedule ? String(counts.get(p.id) || 0) : '—'), el('td', {}, linkBox));
    }));
  }

  /** Whether participants may change the published schedule themselves, and every request they made. */
  async function loadSelfService() {
    const id = state.id;
    showError($('self-service-error'), null);
    try {
      renderSelfService(await call('GET', api.paths.selfService(id)));
    } catch (error) {
      if (!handleAuth(error)) showError($('self-service-error'), error);
    }
  }

  function renderSelfService(answer) {
    if (answer.event !== state.id) return;
    $('self-service-on').checked = answer.enabled;
    const requests = answer.requests.slice().reverse();
    $('requests-empty').hidden = requests.length > 0;
    $('requests').hidden = requests.length === 0;
    $('requests').tBodies[0].replaceChildren(...requests.map((r) => el('tr', { 'data-request': r.id },
        el('td', {}, r.from.name || r.from.id), el('td', {}, r.to.name || r.to.id),
        el('td', {}, r.start ? model.clockOfIso(r.start) : 'slot ' + r.slot, r.table ? ' · ' + (r.table.name || r.table.id) : ''),
        el('td', {}, r.state.toLowerCase() + (r.closedBy ? ' by ' + nameOf(r.closedBy) : '')
            + (r.version ? ' (version ' + r.version + ')' : '') + (r.reason ? ': ' + r.reason : '')),
        el('td', { class: 'small muted' }, new Date(r.updatedAt).toLocaleString()))));
  }

  async function switchSelfService() {
    showError($('self-service-error'), null);
    try {
      renderSelfService(await call('PUT', api.paths.selfService(state.id),
          { body: JSON.stringify({ enabled: $('self-service-on').checked }), contentType: 'application/json' }));
    } catch (error) {
      if (!handleAuth(error)) showError($('self-service-error'), error);
      loadSelfService();
    }
  }

  async function personalLink(p, box) {
    try {
      const answer = await call('GET', api.paths.token(state.id, p.id));
      const link = new URL(answer.link, location.href).href;
      const input = el('input', { type: 'text', readonly: true, value: link, 'aria-label': 'Personal link of ' + p.name,
        class: 'personal-link', onfocus: (e) => e.target.select() });
      const copy = el('button', { type: 'button', onclick: () => copyText(input, copy) }, 'Copy');
      const open = el('a', { class: 'button', href: link, target: '_blank', rel: 'noopener' }, 'Open');
      box.replaceChildren(input, copy, open);
    } catch (error) {
      if (!handleAuth(error)) box.replaceChildren(el('span', { class: 'error', role: 'alert' }, error.detail || error.message));
    }
  }

  async function copyText(input, button) {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch (ignored) {
      input.select();
      document.execCommand('copy');
    }
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = 'Copy'; }, 1500);
  }

  // ---- wiring -------------------------------------------------------------------------------------------------

  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('upload-form').addEventListener('submit', upload);
  $('solve-form').addEventListener('submit', solve);
  $('stop').addEventListener('click', stop);
  $('repair-form').addEventListener('submit', repair);
  $('replace').addEventListener('click', replaceEvent);
  $('mark-form').addEventListener('submit', markMeeting);
  $('absence-form').addEventListener('submit', markAbsent);
  $('present-form').addEventListener('submit', markPresent);
  $('replace-cancel').addEventListener('click', () => { $('replace-box').hidden = true; });
  $('publish').addEventListener('click', () => publish(0));
  $('self-service-on').addEventListener('change', switchSelfService);
  $('grid-filter').addEventListener('change', applyFilter);
  $('grid-find').addEventListener('input', findInGrid);
  $('schedule-xlsx').addEventListener('click', () => downloadSheet(api.paths.schedule(state.id), XLSX, $('schedule-error')));
  $('schedule-csv').addEventListener('click', () => downloadSheet(api.paths.schedule(state.id), 'text/csv', $('schedule-error')));
  $('schedule-csv-semicolon').addEventListener('click', () => downloadSheet(api.paths.scheduleCsv(state.id, ';'), 'text/csv', $('schedule-error')));
  $('participants-xlsx').addEventListener('click', () => downloadSheet(api.paths.participants(state.id), XLSX, $('participants-error')));
  $('match-role').addEventListener('change', renderMatches);
  $('match-filter').addEventListener('input', renderMatches);
  $('back').addEventListener('click', (e) => { e.preventDefault(); location.hash = ''; });
  for (const name of ['matches', 'solve', 'schedule', 'participants']) {
    $('tab-' + name).addEventListener('click', () => go(name));
  }
  document.querySelector('nav.tabs').addEventListener('keydown', (e) => {
    const tabs = [...e.currentTarget.querySelectorAll('[role="tab"]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0 || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    next.click();
  });
  window.addEventListener('hashchange', route);
  route();
})();
