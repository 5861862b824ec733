// The one DOM helper of the pages: el('tag', {attributes}, ...children). Text is always set as text, never as HTML.
// `style` takes an object and goes through the CSSOM, which the Content-Security-Policy allows (a style attribute
// would not be).
'use strict';

(function () {
  const B2G = window.B2G || (window.B2G = {});

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'style') Object.assign(node.style, value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Text as search compares it: case and diacritics ignored, so "quan 7" finds "Quận 7" and "duong" "Đường". */
  function fold(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

  B2G.dom = { el, fold };
})();
