// Words a meeting's reasons in the reader's language (Vietnamese, English, Russian) from their codes and values
// (the reasonCodes that agendas, schedules and candidates carry beside the English `reasons` sentences).
'use strict';

(function () {
  const B2G = window.B2G || (window.B2G = {});

  const words = {
    vi: {
      'shared-tags': 'cùng gắn thẻ {tags}',
      'text-match': '“{offering}” đáp ứng nhu cầu “{need}” ({phrases})',
      'mutual-request': 'hai bên cùng đề nghị gặp',
      'mutual-request-own': 'hai bên cùng đề nghị gặp (mức ưu tiên của bạn: {priority})',
      request: '{name} đề nghị gặp',
      'request-own': 'bạn đã đề nghị gặp (mức ưu tiên: {priority})',
      backup: 'gợi ý dự phòng: {counterpart} còn lịch trống',
      must: 'bắt buộc', high: 'cao', normal: 'bình thường',
    },
    en: {
      'shared-tags': 'both tagged {tags}',
      'text-match': 'offering “{offering}” answers need “{need}” ({phrases})',
      'mutual-request': 'both asked to meet',
      'mutual-request-own': 'both asked to meet (your priority: {priority})',
      request: 'requested by {name}',
      'request-own': 'you asked for this meeting (priority: {priority})',
      backup: 'backup recommendation: {counterpart} has free capacity',
      must: 'must', high: 'high', normal: 'normal',
    },
    ru: {
      'shared-tags': 'общие теги: {tags}',
      'text-match': 'предложение «{offering}» отвечает на потребность «{need}» ({phrases})',
      'mutual-request': 'обе стороны просили о встрече',
      'mutual-request-own': 'обе стороны просили о встрече (ваш приоритет: {priority})',
      request: '{name} просит о встрече',
      'request-own': 'вы просили об этой встрече (приоритет: {priority})',
      backup: 'резервная рекомендация: у {counterpart} есть свободное время',
      must: 'обязательно', high: 'высокий', normal: 'обычный',
    },
  };

  function fill(lang, key, values) {
    const text = (words[lang] || words.en)[key] ?? words.en[key];
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  }

  /** One reason in `lang`; `self` is the reader's participant id (its own request priority only), or null. */
  function one(r, lang, self) {
    const w = words[lang] ? lang : 'en';
    switch (r.code) {
      case 'shared-tags': return fill(w, 'shared-tags', { tags: (r.tags || []).join(', ') });
      case 'text-match': return fill(w, 'text-match', {
        offering: r.offering, need: r.need,
        phrases: (r.phrases || []).map((p) => (p.labels && p.labels[w]) || p.text).join(', '),
      });
      case 'mutual-request': {
        const own = (r.participants || []).find((p) => p.id === self);
        return own ? fill(w, 'mutual-request-own', { priority: fill(w, own.priority, {}) }) : fill(w, 'mutual-request', {});
      }
      case 'request': return r.by && r.by.id === self
        ? fill(w, 'request-own', { priority: fill(w, r.priority, {}) })
        : fill(w, 'request', { name: r.by ? r.by.name : '' });
      case 'backup': return fill(w, 'backup', { counterpart: r.counterpart ? r.counterpart.name : '' });
      default: return r.text || null;
    }
  }

  /** The reasons of a meeting or candidate as sentences in `lang`; the English sentences when it has no codes. */
  function render(meeting, lang, self = null) {
    const codes = meeting.reasonCodes;
    if (!Array.isArray(codes)) return meeting.reasons || [];
    return codes.map((r, i) => one(r, lang, self) ?? (meeting.reasons || [])[i]).filter(Boolean);
  }

  B2G.reasons = { render };
})();
