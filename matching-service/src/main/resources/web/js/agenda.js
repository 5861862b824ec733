// The participant's own agenda, opened from the personal link (?event=..&participant=..&token=..).
// The token goes to the API as a bearer token; the page shows nothing of anyone else.
'use strict';

(function () {
  const B2G = window.B2G;
  const { api, i18n } = B2G;
  const { t } = i18n;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const eventId = params.get('event');
  const participantId = params.get('participant');
  const TOKEN_KEY = 'b2g.agendaToken:' + eventId + '/' + participantId;
  // The token leaves the address bar at once (history, screenshots, shoulders); this tab keeps it for reloads.
  const personalToken = params.get('token') || sessionStorage.getItem(TOKEN_KEY);
  if (params.has('token')) {
    if (personalToken) sessionStorage.setItem(TOKEN_KEY, personalToken);
    params.delete('token');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : '') + location.hash);
  }
  let agenda = null;
  let failure = null;
  /** What the participant saw of each meeting (by calendar uid) in the version before this one; null at first. */
  let before = null;
  const SEEN_KEY = 'b2g.seen:' + eventId + '/' + participantId;

  const { el } = window.B2G.dom;

  /** The day part (YYYY-MM-DD) and clock (HH:MM) of an ISO date-time written in the event's own offset. */
  function split(iso) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
    return m ? { day: m[1], clock: m[2] } : { day: null, clock: null };
  }

  function dayTitle(day) {
    if (!day) return '';
    const date = new Date(day + 'T00:00:00Z');
    return new Intl.DateTimeFormat({ vi: 'vi-VN', ru: 'ru-RU' }[i18n.language()] || 'en-GB',
        { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }

  /** The other participant of a meeting as the agenda gives it; a cancelled meeting may know only its id. */
  function counterpartOf(m) {
    return { ...m.counterpart, name: nameOf(m.counterpart) };
  }

  /** A participant's name as this reader reads it: the English name in English when the event gives one. */
  function nameOf(p) {
    if (!p) return '';
    return (i18n.language() === 'en' && p.englishName) || p.name || p.id;
  }

  /** Each meeting's calendar sequence and whether it was cancelled, by uid: what a visit has seen. */
  function snapshot(a) {
    const seen = {};
    for (const m of a.meetings || []) seen[m.uid] = { sequence: m.sequence, cancelled: false };
    for (const c of a.cancelled || []) seen[c.uid] = { sequence: c.sequence, cancelled: true };
    return seen;
  }

  /**
   * Remembers this version in the browser and returns what was seen of the version before it. Reloading the same
   * version keeps the badges; they go once a newer version has been opened.
   */
  function remember(a) {
    let stored = null;
    try {
      stored = JSON.parse(localStorage.getItem(SEEN_KEY));
    } catch (e) {
      stored = null;
    }
    const baseline = !stored || !stored.current ? null
      : stored.publishedAt === a.solvedAt ? stored.baseline || null : stored.current;
    try {
      localStorage.setItem(SEEN_KEY, JSON.stringify({ publishedAt: a.solvedAt, baseline, current: snapshot(a) }));
    } catch (e) {
      // storage full or refused: the page works, only without badges next time
    }
    return baseline;
  }

  /** 'new', 'changed' or 'cancelled' since the last version seen, or null (also on the first visit). */
  function news(item, cancelled) {
    if (!before) return null;
    const seen = before[item.uid];
    if (cancelled) return seen && !seen.cancelled ? 'cancelled' : null;
    if (!seen) return 'new';
    return seen.cancelled || seen.sequence < item.sequence ? 'changed' : null;
  }

  function newsBadge(kind) {
    return kind ? el('span', { class: 'badge news news-' + kind }, t(kind + 'Badge')) : null;
  }

  /** Which representative holds the meeting, when the side that sits sends more than one: 'seat 2 of …'. */
  function seatNote(m, other) {
    const seat = m.seat;
    if (!seat || !(seat.representatives > 1)) return null;
    const text = seat.participant === participantId ? t('ownSeat', { n: seat.number })
      : t('otherSeat', { n: seat.number, name: other.name || seat.participant });
    return el('div', { class: 'seat muted small' }, text);
  }

  function row(m) {
    const when = split(m.start);
    const until = split(m.end);
    const other = counterpartOf(m);
    const table = m.table ? m.table.name || m.table.id : null;
    const origin = m.origin ? el('span', { class: 'badge origin-' + m.origin }, t(m.origin)) : null;
    const relevance = typeof m.relevance === 'number' && m.relevance > 0
      ? el('span', { class: 'muted small' }, ' (' + t('relevance', { n: m.relevance.toFixed(2) }) + ')') : null;
    const kind = news(m, false);
    return el('tr', { 'data-meeting': m.id, 'data-news': kind },
        el('td', { class: 'time' }, when.clock ? `${when.clock}–${until.clock || ''}` : t('slot', { n: m.slot }),
            newsBadge(kind)),
        el('td', { class: 'table', 'data-label': /^[A-Za-z]{0,2}\d+$/.test(table || '') ? t('table') : null }, table ?? '',
            seatNote(m, other)),
        el('td', {}, el('div', { class: 'counterpart' }, other.name || ''),
            other.role ? el('div', { class: 'role' }, t(other.role)) : null),
        el('td', { class: 'why' }, origin, B2G.reasons.render(m, i18n.language(), participantId).join('; '), relevance));
  }

  function render() {
    i18n.apply();
    const button = $('language');
    button.textContent = t('other');
    button.lang = i18n.other();
    if (failure) {
      $('loading').hidden = true;
      $('failure').textContent = failure.detail ? `${t(failure.key)} (${failure.detail})` : t(failure.key);
      $('failure').hidden = false;
      return;
    }
    if (!agenda) return;
    $('loading').hidden = true;
    const me = agenda.participant || {};
    const event = typeof agenda.event === 'object' && agenda.event ? agenda.event : { id: agenda.event || eventId };
    const name = nameOf(me) || participantId;
    document.title = `${t('title', { name })} · ${event.name || event.id}`;
    $('event-name').textContent = event.name || event.id || '';
    $('who').textContent = t('title', { name });
    const meetings = [...(agenda.meetings || [])].sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0)
        || String(a.start).localeCompare(String(b.start)));
    const role = me.role ? t(me.role) + ' · ' : '';
    $('summary').textContent = role + (meetings.length === 1 ? t('oneMeeting') : t('meetings', { n: meetings.length }));
    $('empty').hidden = meetings.length > 0;
    $('calendar').disabled = meetings.length === 0;

    const days = new Map();
    for (const m of meetings) {
      const day = split(m.start).day;
      if (!days.has(day)) days.set(day, []);
      days.get(day).push(m);
    }
    $('days').replaceChildren(...[...days].map(([day, list]) => el('section', { class: 'day' },
        day ? el('h3', {}, dayTitle(day)) : null,
        el('table', { class: 'agenda' },
            el('thead', {}, el('tr', {}, ['time', 'table', 'counterpart', 'why'].map((k) => el('th', { scope: 'col' }, t(k))))),
            el('tbody', {}, list.map(row))))));
    const cancelled = agenda.cancelled || [];
    $('cancelled-list').replaceChildren(...cancelled.map((c) => {
      const when = split(c.start);
      const kind = news(c, true);
      return el('li', { 'data-news': kind }, newsBadge(kind), el('s', {}, [when.day ? dayTitle(when.day) + ' ' : '', when.clock ? when.clock + '–' + split(c.end).clock : '']
          .join('').trim()), ' ', counterpartOf(c).name || '');
    }));
    $('cancelled').hidden = cancelled.length === 0;
    renderSelfService();
    const counts = { new: 0, changed: 0, cancelled: 0 };
    for (const m of meetings) if (news(m, false)) counts[news(m, false)]++;
    for (const c of cancelled) if (news(c, true)) counts.cancelled++;
    const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => t(kind + 'Count', { n }));
    $('news').textContent = parts.length ? t('since', { list: parts.join(', ') }) : '';
    $('news').hidden = parts.length === 0;
    $('agenda').hidden = false;
  }

  // ---- self-service: asking for, accepting, declining and cancelling meetings ----

  let offer = null;
  let requests = [];

  /** A slot's clock time (with its day when the event has several), else its number. */
  function timeOf(item) {
    const when = split(item.start);
    if (!when.clock) return t('slot', { n: item.slot });
    const days = new Set((agenda && agenda.meetings || []).map((m) => split(m.start).day));
    return days.size > 1 ? `${dayTitle(when.day)} ${when.clock}` : when.clock;
  }

  async function loadSelfService() {
    try {
      const [counterparts, mine] = await Promise.all([
        api.call('GET', api.paths.counterparts(eventId, participantId), { token: personalToken }),
        api.call('GET', api.paths.requests(eventId, participantId), { token: personalToken })]);
      offer = counterparts;
      requests = mine.requests;
    } catch (error) {
      offer = null; // nothing published yet, or the link is refused: the agenda says so already
    }
  }

  function showSelfError(error) {
    $('self-error').textContent = error ? `${t('actionFailed')} ${error.detail || error.message}` : '';
    $('self-error').hidden = !error;
  }

  async function act(path, body) {
    showSelfError(null);
    try {
      await api.call('POST', path, { token: personalToken, body: body && JSON.stringify(body) });
      agenda = await api.call('GET', api.paths.agenda(eventId, participantId), { token: personalToken });
      before = remember(agenda);
      await loadSelfService();
      render();
    } catch (error) {
      showSelfError(error);
    }
  }

  function actionButton(r, action) {
    return el('button', { type: 'button', 'data-action': action,
      onclick: () => act(api.paths.request(eventId, participantId, r.id, action)) }, t(action + 'Action'));
  }

  function requestItem(r) {
    const incoming = r.direction === 'incoming';
    const other = incoming ? r.from : r.to;
    const actions = [];
    if (r.state === 'PENDING' && incoming) actions.push(actionButton(r, 'accept'), actionButton(r, 'decline'));
    if ((r.state === 'PENDING' && !incoming) || r.state === 'ACCEPTED') actions.push(actionButton(r, 'cancel'));
    return el('li', { 'data-request': r.id, 'data-state': r.state },
        el('span', { class: 'text' }, t(incoming ? 'asksYou' : 'youAsked', { name: other.name || other.id, time: timeOf(r) })),
        el('span', { class: 'badge state-' + r.state.toLowerCase() }, t('state' + r.state)), ...actions);
  }

  function counterpartItem(c) {
    const other = c.counterpart;
    const asked = requests.some((r) => r.state === 'PENDING' && (r.from.id === other.id || r.to.id === other.id));
    const why = B2G.reasons.render(c, i18n.language(), participantId).join('; ');
    return el('li', { 'data-counterpart': other.id },
        el('div', { class: 'counterpart' }, other.name || other.id),
        el('div', { class: 'role' }, t(other.role)),
        el('div', { class: 'why' }, el('span', { class: 'badge origin-' + c.origin }, t(c.origin)), ' ', why),
        asked ? el('div', { class: 'muted small' }, t('alreadyAsked'))
          : c.openings.length ? el('div', { class: 'slots', role: 'group', 'aria-label': t('askAt', { name: other.name || other.id }) },
              c.openings.slice().sort((a, b) => a.slot - b.slot).map((o) => el('button', { type: 'button', 'data-slot': o.slot,
                onclick: () => act(api.paths.requests(eventId, participantId), { with: other.id, slot: o.slot }) }, timeOf(o))))
            : el('div', { class: 'muted small' }, t('noOpening')));
  }

  function renderSelfService() {
    const on = Boolean(offer && offer.selfService);
    $('self-service').hidden = !on;
    if (!on) return;
    const shown = requests.slice().reverse().filter((r) => r.state === 'PENDING' || r.state === 'ACCEPTED');
    $('requests-none').hidden = shown.length > 0;
    $('request-list').replaceChildren(...shown.map(requestItem));
    $('counterparts-paused').hidden = !offer.paused; // until the organizer publishes the edited event
    $('counterparts-none').hidden = offer.counterparts.length > 0 || Boolean(offer.paused);
    $('counterpart-list').replaceChildren(...offer.counterparts.map(counterpartItem));
  }

  async function load() {
    if (!eventId || !participantId || !personalToken) {
      failure = { key: 'incomplete' };
      render();
      return;
    }
    try {
      agenda = await api.call('GET', api.paths.agenda(eventId, participantId), { token: personalToken });
      before = remember(agenda);
      await loadSelfService();
    } catch (error) {
      const key = error.status === 401 || error.status === 403 ? 'refused' : error.status === 404 ? 'notYet' : 'failed';
      failure = { key, detail: key === 'failed' ? error.detail || error.message : null };
    }
    render();
  }

  /** Downloads the agenda as iCalendar through the same authorised request, so the token never leaves the page. */
  async function addToCalendar() {
    $('calendar-error').hidden = true;
    try {
      const text = await api.call('GET', api.paths.agenda(eventId, participantId), { token: personalToken, accept: 'text/calendar' });
      const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
      const link = el('a', { href: URL.createObjectURL(blob), download: `${eventId}-${participantId}.ics` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      $('calendar-error').textContent = `${t('calendarFailed')} ${error.detail || error.message}`;
      $('calendar-error').hidden = false;
    }
  }

  $('calendar').addEventListener('click', addToCalendar);
  $('print').addEventListener('click', () => window.print());
  $('language').addEventListener('click', () => { i18n.choose(i18n.other()); render(); });
  render();
  load();
})();
