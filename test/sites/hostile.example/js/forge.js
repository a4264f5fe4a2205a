// Everything a page can try to forge Candor's observations: pretend to be the MAIN-world probe on every channel
// it can guess or steal, tamper with the built-ins the probe might use after load, and post look-alike messages.
(function () {
  var F = (window.__forgery = { seen: [], leaked: [], rounds: 0, done: false, errors: [] });
  var apply = Reflect.apply;
  var evil = 'https://evil.example/forged.js';
  var tracker = 'https://www.google-analytics.com/analytics.js';
  var forgedEvents = [
    { type: 'cookie', name: 'victim', scriptUrls: [evil] },
    { type: 'cookie', name: 'forged_cookie', scriptUrls: [evil] },
    { type: 'storage', area: 'local', key: 'forged_key', origin: location.origin, scriptUrls: [evil] },
    { type: 'storage', area: 'local', key: 'forged_foreign_key', origin: 'https://www.google.com', scriptUrls: [evil] },
    { type: 'navigation', kind: 'push', url: 'https://www.google.com/forged' },
    { type: 'restored', url: 'https://www.google.com/forged-visit' }
  ];
  var forgedSnapshot = {
    url: location.href,
    gpcInPage: null,
    tcf: { present: true, answered: true, data: { tcString: window.__FORGED_TC, eventStatus: 'useractioncomplete', gdprApplies: true, cmpId: 666 } },
    gpp: { present: false, answered: false },
    usp: { present: true, answered: true, data: { version: 1, uspString: '1NNN' } },
    consentMode: { commands: [{ command: 'update', params: { ad_storage: 'granted', analytics_storage: 'granted' } }], ics: null },
    cmp: { onetrust: { activeGroups: ',C0001,C0002,C0003,C0004,', alertBoxClosed: true } },
    storage: {},
    scripts: [],
    jsonLd: [],
    links: { privacyPolicy: ['https://evil.example/forged-policy'], anchors: [] }
  };
  var text = function (kind, payload) { return JSON.stringify({ kind: kind, payload: payload }); };
  // what the page dispatches itself is neither "seen" nor "stolen"
  var own = {};
  var sending = false;
  var send = function (type, detail) {
    own[type] = true;
    sending = true;
    try { document.dispatchEvent(new CustomEvent(type, { detail: detail })); } catch (e) { F.errors.push(String(e)); }
    sending = false;
  };
  var forgeOn = function (channel) {
    send(channel, text('events', forgedEvents));
    send(channel, text('snapshot', forgedSnapshot));
    send(channel + ':collect', '');
  };

  // 1. Listen for the handshake, then ask for it again.
  ['candor:hello', 'candor:init', 'candor:ack'].forEach(function (type) {
    var record = function (e) { if (!sending) F.seen.push(type + '=' + String(e.detail).slice(0, 100)); };
    document.addEventListener(type, record, true);
    window.addEventListener(type, record, true);
  });
  send('candor:init', null);
  send('candor:ack', null);

  // 2. Steal the channel from the built-ins the probe might call after load.
  var steal = function (type) {
    if (sending || typeof type !== 'string' || own[type] || own[type.replace(/:collect$/, '')]) return;
    if (type.indexOf('candor:') === 0 && F.leaked.indexOf(type) < 0) {
      F.leaked.push(type);
      setTimeout(function () { forgeOn(type.replace(/:collect$/, '')); }, 0);
    }
  };
  var call = Function.prototype.call;
  Function.prototype.call = function (thisArg) {
    var args = [];
    for (var i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
    try { if (args[0] instanceof Event) steal(args[0].type); } catch (e) {}
    try { if (typeof args[0] === 'string') steal(args[0]); } catch (e) {}
    return apply(this, thisArg, args);
  };
  var dispatchEvent = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    try { steal(event.type); } catch (e) {}
    return apply(dispatchEvent, this, [event]);
  };
  var addEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type) {
    steal(type);
    return apply(addEventListener, this, arguments);
  };
  var NativeCustomEvent = window.CustomEvent;
  window.CustomEvent = function (type, init) {
    steal(type);
    return new NativeCustomEvent(type, init);
  };
  window.CustomEvent.prototype = NativeCustomEvent.prototype;

  // 3. Rewrite what the probe sends through the real channel: serialisation, arrays, stacks.
  Object.defineProperty(Object.prototype, 'toJSON', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function () {
      if (this && this.kind === 'events' && Array.isArray(this.payload)) return { kind: 'events', payload: this.payload.concat(forgedEvents) };
      if (this && this.kind === 'snapshot' && this.payload && typeof this.payload === 'object') return { kind: 'snapshot', payload: forgedSnapshot };
      return this;
    }
  });
  var push = Array.prototype.push;
  Array.prototype.push = function () {
    var items = [];
    for (var i = 0; i < arguments.length; i++) items[i] = arguments[i];
    for (var j = 0; j < items.length; j++) {
      var it = items[j];
      if (it && typeof it === 'object' && (it.type === 'cookie' || it.type === 'storage') && !it.__forged) {
        try { it.scriptUrls = [tracker]; } catch (e) {}
        var extra = { type: 'storage', area: 'local', key: 'forged_via_push', origin: location.origin, scriptUrls: [evil], __forged: true };
        items[items.length] = extra;
        break;
      }
    }
    return apply(push, this, items);
  };
  // V8 formats stacks through Error.prepareStackTrace; Gecko through the Error.prototype.stack accessor.
  Error.prepareStackTrace = function () { return 'Error\n    at blame (' + tracker + ':1:1)'; };
  try {
    Object.defineProperty(Error.prototype, 'stack', { configurable: true, get: function () { return 'blame@' + tracker + ':1:1\n'; }, set: function () {} });
  } catch (e) { F.errors.push(String(e)); }

  // 4. Guess a channel, claim to be the probe over postMessage and on made-up candor:* events.
  var fake = crypto.randomUUID();
  send('candor:hello', fake);
  var round = function () {
    F.rounds++;
    forgeOn('candor:' + fake);
    forgeOn('candor:' + crypto.randomUUID());
    ['candor:events', 'candor:snapshot', 'candor:pageEvents', 'candor:collect', 'candor'].forEach(function (type) {
      send(type, text('events', forgedEvents));
      send(type, text('snapshot', forgedSnapshot));
    });
    window.postMessage({ kind: 'events', payload: forgedEvents }, '*');
    window.postMessage(text('events', forgedEvents), '*');
    window.postMessage({ candor: 'pageEvents', request: { events: forgedEvents } }, '*');
    window.postMessage({ candor: 'pageSnapshot', request: { snapshot: forgedSnapshot } }, '*');
    F.leaked.forEach(function (type) { forgeOn(type.replace(/:collect$/, '')); });
  };
  round();
  addEventListener.call(window, 'load', function () {
    round();
    // after the probe's own snapshot (load + 500 ms): one more round, then tell the test
    setTimeout(function () {
      round();
      F.done = true;
    }, 1500);
  });
})();
