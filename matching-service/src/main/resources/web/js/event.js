// Reads the parts of a b2g-event/1 document that the pages show: slots with their clock times, tables, names.
// Slot numbering follows docs/formats.md: sessions sorted by day, then start, then list order; slots numbered from 1.
'use strict';

(function () {
  const B2G = window.B2G || (window.B2G = {});

  function minutesOf(hhmm) {
    const m = /^(\d{1,2}):(\d{2})/.exec(hhmm || '');
    return m ? (+m[1]) * 60 + (+m[2]) : null;
  }

  function clock(minutes) {
    const h = Math.floor(minutes / 60) % 24;
    const m = minutes % 60;
    return String(h).padStart(2, '0') + ':' + String(m).padStart(2, '0');
  }

  /** The slots of an event: [{number, session, day, start, end}] with start/end "HH:MM" or null. */
  function slots(event) {
    const length = event.slotMinutes || 0;
    const sessions = (event.sessions || []).map((s, order) => ({ ...s, order }));
    sessions.sort((a, b) => (a.day || '1').localeCompare(b.day || '1')
        || (minutesOf(a.start) ?? -1) - (minutesOf(b.start) ?? -1) || a.order - b.order);
    const out = [];
    for (const session of sessions) {
      const start = minutesOf(session.start);
      let count = session.slots;
      if (count === undefined && start !== null && length > 0) {
        count = Math.floor((minutesOf(session.end) - start) / length);
      }
      for (let i = 0; i < (count || 0); i++) {
        const from = start === null || !length ? null : start + i * length;
        out.push({
          number: out.length + 1,
          session: session.id,
          day: session.day || '1',
          start: from === null ? null : clock(from),
          end: from === null ? null : clock(from + length),
        });
      }
    }
    return out;
  }

  /** The tables as [{id, name}], from a list or a count n meaning "1".."n". */
  function tables(event) {
    const t = event.tables;
    if (typeof t === 'number') return Array.from({ length: t }, (_, i) => ({ id: String(i + 1), name: 'Table ' + (i + 1) }));
    return (t || []).map((x) => (typeof x === 'string' ? { id: x, name: x } : { id: x.id, name: x.name || x.id }));
  }

  /** A map from participant id to the participant; name falls back to the id. */
  function participants(doc) {
    const byId = new Map();
    for (const p of doc.participants || []) byId.set(p.id, { ...p, name: p.name || p.id });
    return byId;
  }

  /** "HH:MM" of an ISO date-time with offset as written in the schedule, in the event's own clock. */
  function clockOfIso(iso) {
    const m = /T(\d{2}:\d{2})/.exec(iso || '');
    return m ? m[1] : null;
  }

  B2G.event = { slots, tables, participants, clockOfIso };
})();
