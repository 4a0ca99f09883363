import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';

// The API reference page (/api/docs, Swagger UI) made to pass axe (WCAG 2.1 A/AA): no top bar
// (its logo has no text, its address field no label, its buttons too little contrast; there is
// one document here, nothing to explore), no deep links nested in the operations' buttons, the
// server picker named, and colours dark enough on their backgrounds. The stylesheet and the script
// are files the page loads, not inline, so the app's content-security policy still covers it.

/** White text needs these (or darker) behind it for 4.5:1; coloured text on white too. */
const METHOD_COLOURS = {
  get: '#1a5fa0',
  post: '#1d7044',
  put: '#8a4b00',
  patch: '#0d6b5e',
  delete: '#b3261e',
  head: '#6b3fa0',
  options: '#2f4f6f',
};

const css = `
${Object.entries(METHOD_COLOURS)
  .map(([method, colour]) => `.swagger-ui .opblock.opblock-${method} .opblock-summary-method { background: ${colour}; }`)
  .join('\n')}
.swagger-ui a, .swagger-ui .info a, .swagger-ui .info__license__url a, .swagger-ui .link { color: #1a56a0; }
.swagger-ui .info .title small { background: #4a5a6a; }
.swagger-ui .info .title small.version-stamp { background: #3d6a00; }
.swagger-ui .info .title small pre { color: #fff; }
.swagger-ui .info .base-url, .swagger-ui .url { color: #3b4151; }
.swagger-ui .opblock-tag small, .swagger-ui .opblock .opblock-summary-description,
.swagger-ui .opblock-description-wrapper p, .swagger-ui .response-col_description, .swagger-ui .parameter__in,
.swagger-ui .parameter__type, .swagger-ui .prop-format, .swagger-ui .model-title, .swagger-ui .renderedMarkdown p,
.swagger-ui .servers-title, .swagger-ui .scheme-container .schemes > label, .swagger-ui .tab li { color: #333a45; }
.swagger-ui .parameter__name.required span, .swagger-ui .parameter__name.required::after { color: #b3261e; }
.swagger-ui .btn.authorize { color: #1d7044; border-color: #1d7044; }
.swagger-ui .btn.execute { background-color: #1a5fa0; border-color: #1a5fa0; color: #fff; }
.swagger-ui .btn.cancel, .swagger-ui .btn.try-out__btn.cancel { color: #b3261e; border-color: #b3261e; }
.swagger-ui .btn.authorize svg { fill: #1d7044; }
.swagger-ui .opblock .opblock-summary-operation-id, .swagger-ui .opblock .opblock-summary-path,
.swagger-ui .opblock .opblock-summary-path__deprecated { color: #222831; }
`;

/**
 * Names what Swagger UI leaves unnamed, as it renders (it redraws parts of the page): the server
 * picker, the request body, the dialogs' close button, and the Authorize buttons whose name
 * ("Apply credentials") hides what they say.
 */
const js = `
(function () {
  function name(el, label) {
    if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) el.setAttribute('aria-label', label);
  }
  function fix() {
    var servers = document.getElementById('servers');
    if (servers) name(servers, 'Server');
    document.querySelectorAll('.swagger-ui textarea').forEach(function (t) {
      name(t, t.closest('.body-param') ? 'Request body' : 'Value');
    });
    document.querySelectorAll('.swagger-ui .close-modal').forEach(function (b) { name(b, 'Close'); });
    document.querySelectorAll('.swagger-ui .auth-btn-wrapper button[aria-label]').forEach(function (b) {
      var text = b.textContent.trim();
      if (text && b.getAttribute('aria-label').indexOf(text) === -1) b.setAttribute('aria-label', text);
    });
  }
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
})();
`;

export const apiDocsUi: Partial<FastifySwaggerUiOptions> = {
  uiConfig: { deepLinking: false, layout: 'BaseLayout' },
  theme: {
    title: 'Lyceum API reference',
    css: [{ filename: 'lyceum.css', content: css }],
    js: [{ filename: 'lyceum.js', content: js }],
  },
};
