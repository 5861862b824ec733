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
    return { ...m.counterpart, name: m.counterpart.name || m.counterpart.id };
  }

  function row(m) {
    const when = split(m.start);
    const until = split(m.end);
    const other = counterpartOf(m);
    const table = m.table ? m.table.name || m.table.id : null;
    const origin = m.origin ? el('span', { class: 'badge origin-' + m.origin }, t(m.origin)) : null;
    const relevance = typeof m.relevance === 'number' && m.relevance > 0
      ? el('span', { class: 'muted small' }, ' (' + t('relevance', { n: m.relevance.toFixed(2) }) + ')') : null;
    return el('tr', { 'data-meeting': m.id },
        el('td', { class: 'time' }, when.clock ? `${when.clock}–${until.clock || ''}` : t('slot', { n: m.slot })),
        el('td', { class: 'table', 'data-label': /^[A-Za-z]{0,2}\d+$/.test(table || '') ? t('table') : null }, table ?? ''),
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
    const name = me.name || participantId;
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
      return el('li', {}, el('s', {}, [when.day ? dayTitle(when.day) + ' ' : '', when.clock ? when.clock + '–' + split(c.end).clock : '']
          .join('').trim()), ' ', counterpartOf(c).name || '');
    }));
    $('cancelled').hidden = cancelled.length === 0;
    $('agenda').hidden = false;
  }

  async function load() {
    if (!eventId || !participantId || !personalToken) {
      failure = { key: 'incomplete' };
      render();
      return;
    }
    try {
      agenda = await api.call('GET', api.paths.agenda(eventId, participantId), { token: personalToken });
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
