// Vietnamese, English and Russian labels of the participant page. Vietnamese comes first when the browser prefers
// it; ?lang=vi|en|ru and the language button (Vietnamese / English) override that choice for this browser.
'use strict';

(function () {
  const B2G = window.B2G || (window.B2G = {});
  const KEY = 'b2g.lang';

  const labels = {
    vi: {
      brand: 'Lịch gặp B2G',
      title: 'Lịch gặp của {name}',
      loading: 'Đang tải lịch gặp…',
      other: 'English',
      time: 'Thời gian',
      table: 'Bàn',
      ownSeat: 'đại diện số {n} của bạn', otherSeat: 'đại diện số {n} của {name}',
      counterpart: 'Gặp',
      why: 'Vì sao gặp',
      slot: 'Lượt {n}',
      meetings: '{n} cuộc gặp',
      oneMeeting: '1 cuộc gặp',
      addToCalendar: 'Thêm vào lịch',
      print: 'In lịch',
      noMeetings: 'Bạn chưa có cuộc gặp nào. Ban tổ chức sẽ gửi lại đường dẫn khi lịch được xếp.',
      relevance: 'độ phù hợp {n}',
      incomplete: 'Đường dẫn không đầy đủ. Hãy mở đúng đường dẫn cá nhân mà ban tổ chức đã gửi cho bạn.',
      refused: 'Đường dẫn này không (còn) hợp lệ. Hãy liên hệ ban tổ chức để nhận đường dẫn mới.',
      notYet: 'Bạn chưa có cuộc gặp nào: lịch gặp chưa được xếp. Hãy mở lại đường dẫn này sau khi ban tổ chức thông báo.',
      failed: 'Không tải được lịch gặp.',
      calendarFailed: 'Không tải được tệp lịch (.ics).',
      cancelled: 'Các cuộc gặp đã huỷ',
      startup: 'Startup', agency: 'Cơ quan nhà nước', company: 'Doanh nghiệp',
      required: 'bắt buộc', must: 'ưu tiên gặp', mutual: 'hai bên cùng đề nghị', request: 'theo đề nghị',
      recommended: 'được gợi ý', available: 'còn thời gian trống',
      newBadge: 'mới', changedBadge: 'đã thay đổi', cancelledBadge: 'đã huỷ',
      newCount: '{n} cuộc gặp mới', changedCount: '{n} cuộc gặp thay đổi', cancelledCount: '{n} cuộc gặp bị huỷ',
      since: 'Từ lần bạn xem trước: {list}.',
      requestsTitle: 'Đề nghị gặp', noRequests: 'Chưa có đề nghị nào đang chờ hoặc đã được đồng ý.',
      meetMore: 'Đề nghị thêm cuộc gặp',
      meetMoreHint: 'Chọn một giờ cả hai bên đều trống; cuộc gặp được thêm vào lịch của cả hai khi bên kia đồng ý.',
      noCounterparts: 'Không còn ai mà bạn chưa gặp và cùng có thời gian trống.',
      requestsPaused: 'Tạm ngừng đề nghị gặp: ban tổ chức đã thay đổi sự kiện và chưa công bố lịch mới. Vui lòng quay lại sau.',
      asksYou: '{name} đề nghị gặp bạn lúc {time}', youAsked: 'Bạn đề nghị gặp {name} lúc {time}',
      statePENDING: 'đang chờ', stateACCEPTED: 'đã đồng ý', stateDECLINED: 'đã từ chối', stateCANCELLED: 'đã huỷ',
      acceptAction: 'Đồng ý', declineAction: 'Từ chối', cancelAction: 'Huỷ',
      askAt: 'Đề nghị gặp {name} lúc', alreadyAsked: 'Đã gửi đề nghị, đang chờ trả lời.',
      noOpening: 'Không còn giờ trống chung.', actionFailed: 'Không thực hiện được:',
    },
    en: {
      brand: 'B2G agenda',
      title: 'Agenda of {name}',
      loading: 'Loading the agenda…',
      other: 'Tiếng Việt',
      time: 'Time',
      table: 'Table',
      ownSeat: 'your seat {n}', otherSeat: 'seat {n} of {name}',
      counterpart: 'Meeting with',
      why: 'Why you meet',
      slot: 'Slot {n}',
      meetings: '{n} meetings',
      oneMeeting: '1 meeting',
      addToCalendar: 'Add to calendar',
      print: 'Print',
      noMeetings: 'You have no meetings yet. The organizers will send the link again once the schedule is made.',
      relevance: 'relevance {n}',
      incomplete: 'This link is incomplete. Open the personal link the organizers sent you.',
      refused: 'This link is not valid (any more). Ask the organizers for a new one.',
      notYet: 'No meetings yet: the schedule has not been made. Open this link again once the organizers say so.',
      failed: 'The agenda could not be loaded.',
      calendarFailed: 'The calendar file (.ics) could not be downloaded.',
      cancelled: 'Cancelled meetings',
      startup: 'Startup', agency: 'Government agency', company: 'Company',
      required: 'required', must: 'must meet', mutual: 'mutual request', request: 'requested',
      recommended: 'recommended', available: 'free to meet',
      newBadge: 'new', changedBadge: 'changed', cancelledBadge: 'cancelled',
      newCount: '{n} new', changedCount: '{n} changed', cancelledCount: '{n} cancelled',
      since: 'Since your last visit: {list}.',
      requestsTitle: 'Meeting requests', noRequests: 'No request is waiting or accepted.',
      meetMore: 'Ask for more meetings',
      meetMoreHint: 'Pick a time when both of you are free; the meeting is added to both agendas once they accept.',
      noCounterparts: 'Nobody is left whom you do not meet already and who is free when you are.',
      requestsPaused: 'Requests are paused: the organizer changed the event and has not published the new schedule yet. Please come back later.',
      asksYou: '{name} asks to meet you at {time}', youAsked: 'You asked {name} to meet at {time}',
      statePENDING: 'waiting', stateACCEPTED: 'accepted', stateDECLINED: 'declined', stateCANCELLED: 'cancelled',
      acceptAction: 'Accept', declineAction: 'Decline', cancelAction: 'Cancel',
      askAt: 'Ask {name} to meet at', alreadyAsked: 'Asked; waiting for an answer.',
      noOpening: 'No time left when both are free.', actionFailed: 'That did not work:',
    },
    ru: {
      brand: 'Встречи B2G',
      title: 'Расписание встреч: {name}',
      loading: 'Загрузка расписания…',
      other: 'Tiếng Việt',
      time: 'Время',
      table: 'Стол',
      ownSeat: 'ваш представитель № {n}', otherSeat: 'представитель № {n}: {name}',
      counterpart: 'Встреча с',
      why: 'Почему вы встречаетесь',
      slot: 'Слот {n}',
      meetings: 'Встреч: {n}',
      oneMeeting: '1 встреча',
      addToCalendar: 'Добавить в календарь',
      print: 'Печать',
      noMeetings: 'У вас пока нет встреч. Организаторы пришлют ссылку ещё раз, когда расписание будет готово.',
      relevance: 'соответствие {n}',
      incomplete: 'Ссылка неполная. Откройте личную ссылку, которую прислали организаторы.',
      refused: 'Эта ссылка недействительна. Попросите у организаторов новую.',
      notFound: 'Расписание не найдено.',
      failed: 'Не удалось загрузить расписание.',
      calendarFailed: 'Не удалось скачать файл календаря (.ics).',
      cancelled: 'Отменённые встречи',
      startup: 'Стартап', agency: 'Государственный орган', company: 'Компания',
      required: 'обязательная', must: 'обязательно встретиться', mutual: 'взаимный запрос', request: 'по запросу',
      recommended: 'рекомендовано', available: 'есть свободное время',
      newBadge: 'новая', changedBadge: 'изменена', cancelledBadge: 'отменена',
      newCount: 'новых: {n}', changedCount: 'изменённых: {n}', cancelledCount: 'отменённых: {n}',
      since: 'С вашего прошлого визита: {list}.',
      requestsTitle: 'Запросы на встречу', noRequests: 'Нет ожидающих или принятых запросов.',
      meetMore: 'Запросить ещё встречи',
      meetMoreHint: 'Выберите время, когда вы оба свободны; встреча появится в обоих расписаниях, когда собеседник согласится.',
      noCounterparts: 'Не осталось участников, с которыми вы ещё не встречаетесь и у которых есть общее свободное время.',
      requestsPaused: 'Запросы приостановлены: организатор изменил мероприятие и ещё не опубликовал новое расписание. Загляните позже.',
      asksYou: '{name} предлагает встретиться в {time}', youAsked: 'Вы предложили {name} встретиться в {time}',
      statePENDING: 'ожидает', stateACCEPTED: 'принято', stateDECLINED: 'отклонено', stateCANCELLED: 'отменено',
      acceptAction: 'Принять', declineAction: 'Отклонить', cancelAction: 'Отменить',
      askAt: 'Предложить {name} встречу в', alreadyAsked: 'Запрос отправлен, ждём ответа.',
      noOpening: 'Нет времени, когда вы оба свободны.', actionFailed: 'Не удалось:',
      notYet: 'Встреч пока нет: расписание ещё не составлено. Откройте эту ссылку снова, когда организаторы сообщат.',
    },
  };

  /** The language to show: an explicit choice, else the first of vi/en in the browser's preference order. */
  function preferred() {
    const asked = new URLSearchParams(location.search).get('lang') || localStorage.getItem(KEY);
    if (asked && labels[asked]) return asked;
    for (const tag of navigator.languages || [navigator.language || '']) {
      const primary = tag.toLowerCase().split('-')[0];
      if (labels[primary]) return primary;
    }
    return 'en';
  }

  let current = preferred();

  function t(key, values = {}) {
    const text = labels[current][key] ?? labels.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  }

  /** Fills every [data-i18n] element and the document language. */
  function apply() {
    document.documentElement.lang = current;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  }

  function choose(language) {
    current = labels[language] ? language : 'en';
    localStorage.setItem(KEY, current);
    apply();
  }

  B2G.i18n = { t, apply, choose, language: () => current, other: () => (current === 'vi' ? 'en' : 'vi') };
})();
