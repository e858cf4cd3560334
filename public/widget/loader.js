/*! Supportdesk chat loader: see README (Chat widget) and src/embed/messages.ts */
(function () {
  var w = window, d = document, stub = w.Supportdesk;
  if (stub && stub.loaded) return;

  var script = d.currentScript || d.querySelector('script[src*="/widget/loader.js"]');
  var APP = new URL(script ? script.src : location.href, location.href).origin;
  var state = { opened: false, ready: false, refused: false, unread: 0, user: null, attributes: {}, locale: null };
  var config, ui;

  function emit(name, detail) {
    w.dispatchEvent(new CustomEvent('supportdesk:' + name, { detail: detail || {} }));
  }
  function post(type, payload) {
    // only our frame's origin may read it
    if (ui && ui.linked) ui.frame.contentWindow.postMessage({ source: 'supportdesk-host', type: type, payload: payload || {} }, APP);
  }
  function page() {
    return { url: location.href.slice(0, 2000), title: d.title.slice(0, 300) };
  }
  function color(value) {
    return /^#[0-9a-f]{6}$/i.test(value) ? value : null;
  }

  var CSS = ':host{all:initial}' +
    '.l{position:fixed;bottom:20px;z-index:2147483646;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;background:var(--c);color:#fff;' +
    'box-shadow:0 4px 16px #0004;display:flex;align-items:center;justify-content:center}.l:focus-visible{outline:3px solid var(--c);outline-offset:3px}' +
    // a click survives render() mid-press
    '.l svg{width:28px;height:28px}.l *{pointer-events:none}.b{position:absolute;top:-4px;right:-4px;min-width:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;' +
    'background:#d92d20;color:#fff;font:700 12px/20px system-ui,sans-serif}' +
    '.p{position:fixed;bottom:88px;z-index:2147483647;width:380px;height:min(640px,calc(100vh - 112px));border-radius:16px;overflow:hidden;' +
    'box-shadow:0 12px 40px #0005;background:#fff;display:none}.o{display:block}.p iframe{border:0;width:100%;height:100%}' +
    '.right{right:20px}.left{left:20px}@media (max-width:480px){.p{inset:0;width:100%;height:100%;border-radius:0}.o+.l{display:none}}';
  var ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="';
  var CHAT = ICON + 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  var CLOSE = ICON + 'M18 6 6 18M6 6l12 12"/></svg>';

  function build() {
    var host = d.createElement('div'), side = config.position === 'left' ? 'left' : 'right';
    var root = host.attachShadow({ mode: 'open' });
    host.id = 'supportdesk-widget';
    host.style.setProperty('--c', color(config.color) || '#2f6fdf');
    root.innerHTML = '<style>' + CSS + '</style><div class="p ' + side + '"><iframe title="Chat" referrerpolicy="origin"></iframe></div>' +
      '<button class="l ' + side + '" type="button"></button>';
    ui = { host: host, panel: root.querySelector('.p'), frame: root.querySelector('iframe'), launcher: root.querySelector('button'),
      labels: { open: 'Open chat', close: 'Close chat', unread: 'unread messages' } };
    ui.launcher.onclick = api.toggle;
    // after the host's load event, which the frame would delay
    var load = function () {
      ui.frame.src = APP + '/embed/?' + new URLSearchParams({ key: config.widgetKey });
    };
    d.readyState === 'complete' ? load() : w.addEventListener('load', load);
    d.body.appendChild(host);
    render();
  }

  function render() {
    var open = state.opened, shown = open && (state.ready || state.refused), count = open ? 0 : state.unread;
    var label = open ? ui.labels.close : ui.labels.open;
    ui.panel.classList.toggle('o', shown);
    ui.launcher.setAttribute('aria-expanded', shown);
    ui.launcher.setAttribute('aria-label', count ? label + ' (' + count + ' ' + ui.labels.unread + ')' : label);
    ui.launcher.innerHTML = (open ? CLOSE : CHAT) + (count ? '<span class="b">' + (count > 9 ? '9+' : count) + '</span>' : '');
  }

  function onMessage(event) {
    var data = event.data, payload;
    if (!ui || event.origin !== APP || event.source !== ui.frame.contentWindow) return;
    if (!data || data.source !== 'supportdesk-embed') return;
    payload = data.payload || {};
    switch (data.type) {
      case 'handshake':
        ui.linked = true;
        post('init', { widgetKey: config.widgetKey, locale: state.locale || config.locale || 'auto', theme: config.theme || null,
          page: page(), user: state.user, attributes: state.attributes, opened: state.opened });
        break;
      case 'ready':
        state.ready = true;
        if (payload.labels) ui.labels = payload.labels;
        if (!color(config.color) && color(payload.color)) ui.host.style.setProperty('--c', payload.color);
        if (!config.position && payload.position == 'left') [ui.panel, ui.launcher].forEach(function (el) {
          el.classList.replace('right', 'left');
        });
        render();
        emit('ready', { widgetKey: config.widgetKey });
        break;
      case 'refused':
        state.refused = true;
        render();
        emit('error', payload);
        break;
      case 'unread':
        state.unread = Math.max(0, +payload.count || 0);
        render();
        break;
      case 'message':
        emit('message', payload);
        break;
      case 'close':
        api.close();
        break;
      case 'error':
        emit('error', payload);
    }
  }

  // single-page hosts: stay attached, tell the chat the new page
  function followNavigation() {
    function changed() {
      if (!ui.host.isConnected) d.body.appendChild(ui.host);
      post('page', page());
    }
    ['pushState', 'replaceState'].forEach(function (name) {
      var original = history[name];
      history[name] = function () {
        var result = original.apply(this, arguments);
        setTimeout(changed);
        return result;
      };
    });
    w.addEventListener('popstate', changed);
  }

  var api = {
    loaded: true,
    boot: function (settings) {
      if (config) return;
      if (!settings || typeof settings.widgetKey !== 'string') return emit('error', { code: 'invalid_config', message: 'boot needs widgetKey' });
      config = settings;
      var start = function () {
        build();
        followNavigation();
      };
      if (d.body) start();
      else d.addEventListener('DOMContentLoaded', start);
    },
    open: function () {
      if (state.opened) return;
      state.opened = true;
      state.unread = 0;
      if (ui) render();
      post('visibility', { opened: true });
      emit('opened');
    },
    close: function () {
      if (!state.opened) return;
      state.opened = false;
      if (ui) {
        render();
        ui.launcher.focus();
      }
      post('visibility', { opened: false });
      emit('closed');
    },
    toggle: function () {
      state.opened ? api.close() : api.open();
    },
    setUser: function (id, details) {
      details = details || {};
      state.user = id == null ? null : { id: String(id), name: details.name, email: details.email, hash: details.hash };
      post('set-user', { user: state.user });
    },
    setCustomAttributes: function (attributes) {
      state.attributes = Object.assign({}, state.attributes, attributes);
      post('set-attributes', { attributes: state.attributes });
    },
    setLocale: function (locale) {
      state.locale = String(locale || 'auto');
      post('set-locale', { locale: state.locale });
    },
    reset: function () {
      state.user = null;
      state.attributes = {};
      state.unread = 0;
      if (ui) render();
      post('reset');
    },
  };

  function Supportdesk(name) {
    if (typeof api[name] === 'function') return api[name].apply(null, [].slice.call(arguments, 1));
    emit('error', { code: 'unknown_method', message: name });
  }
  Object.assign(Supportdesk, api);
  w.addEventListener('message', onMessage);
  w.Supportdesk = Supportdesk;
  ((stub && stub.q) || []).forEach(function (args) {
    Supportdesk.apply(null, args);
  });
})();
