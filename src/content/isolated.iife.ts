// Isolated-world content script: completes the handshake with the MAIN-world probe, validates what it sends
// and relays it to the background. It never trusts the page: only the secret channel, only known shapes.
import browser from 'webextension-polyfill';
import { send } from '../shared/messaging.ts';
import { isProbeMessage, type PageEvent, validEvents } from './page-events.ts';

(() => {
  const doc = document;
  let channel: string | null = null;
  let snapshotWaiters: (() => void)[] = [];

  // A batch the worker could not take (it was waking up, or had not yet started the visit this page belongs to) is
  // offered again a few times rather than lost.
  const RETRY_MS = [100, 400, 1500];
  const relayEvents = (events: PageEvent[], attempt: number): void => {
    const retry = (): void => {
      const wait = RETRY_MS[attempt];
      if (wait !== undefined) setTimeout(() => relayEvents(events, attempt + 1), wait);
    };
    void send('pageEvents', { events }).then((answer) => {
      if (!answer.ok) retry();
    }, retry);
  };

  const onMessage = (event: Event): void => {
    if (!(event instanceof CustomEvent) || typeof event.detail !== 'string' || event.detail.length > 4_000_000) return;
    let data: unknown;
    try {
      data = JSON.parse(event.detail);
    } catch {
      return;
    }
    if (!isProbeMessage(data)) return;
    if (data.kind === 'events') {
      // only this frame's own storage and navigations: the page cannot speak for another origin
      const events = validEvents(data.payload, location.origin);
      if (events.length) relayEvents(events, 0);
    } else if (window === window.top) {
      const readAt = typeof data.readAt === 'number' && Number.isFinite(data.readAt) ? data.readAt : undefined;
      void send('pageSnapshot', readAt === undefined ? { snapshot: data.payload } : { snapshot: data.payload, readAt })
        .catch(() => undefined)
        .finally(() => {
          const waiters = snapshotWaiters;
          snapshotWaiters = [];
          for (const w of waiters) w();
        });
    }
  };

  const onHello = (event: Event): void => {
    if (channel !== null || !(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
    if (!/^[0-9a-f-]{36}$/.test(event.detail)) return;
    channel = `candor:${event.detail}`;
    doc.removeEventListener('candor:hello', onHello);
    doc.addEventListener(channel, onMessage);
    doc.dispatchEvent(new CustomEvent('candor:ack'));
  };
  doc.addEventListener('candor:hello', onHello);
  doc.dispatchEvent(new CustomEvent('candor:init'));

  // A page Chromium prerendered (speculation rules) is opened without a new request: say so, so that the worker
  // makes what it recorded for the prerender this tab's visit.
  if (window === window.top && (doc as Document & { prerendering?: boolean }).prerendering === true) {
    doc.addEventListener('prerenderingchange', () => void send('pageActivated', { url: location.href }).catch(() => undefined), { once: true });
  }

  // The background asks for a fresh snapshot when a report is requested (popup opened, CLI read-back).
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (window !== window.top || channel === null) return undefined;
    if (typeof message !== 'object' || message === null || (message as { candor?: unknown }).candor !== 'collectSnapshot') {
      return undefined;
    }
    const active = channel;
    return new Promise<{ ok: boolean }>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false }), 4000);
      snapshotWaiters.push(() => {
        clearTimeout(timer);
        resolve({ ok: true });
      });
      doc.dispatchEvent(new CustomEvent(`${active}:collect`));
    });
  });
})();
