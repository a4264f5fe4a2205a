// Typed send/handle over runtime messaging, one map for every context (see messages.ts).
import browser, { type Runtime } from 'webextension-polyfill';
import type { Envelope, MessageName, MessageRequest, MessageResponse } from './messages.ts';

export async function send<K extends MessageName>(name: K, request: MessageRequest<K>): Promise<MessageResponse<K>> {
  const envelope: Envelope<K> = { candor: name, request };
  return (await browser.runtime.sendMessage(envelope)) as MessageResponse<K>;
}

type Handlers = {
  [K in MessageName]: (request: MessageRequest<K>, sender: Runtime.MessageSender) => Promise<MessageResponse<K>> | MessageResponse<K>;
};

function isEnvelope(message: unknown, names: ReadonlySet<string>): message is Envelope {
  return typeof message === 'object' && message !== null && 'candor' in message && names.has(String(message.candor));
}

/** Registers one listener for every message in the map; `isTrusted` decides per message who may call it. */
export function handle(handlers: Handlers, isTrusted: (sender: Runtime.MessageSender, name: MessageName) => boolean): void {
  const names = new Set<string>(Object.keys(handlers));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message, names) || !isTrusted(sender, message.candor)) return undefined;
    const name = message.candor;
    const handler = handlers[name] as (request: unknown, sender: Runtime.MessageSender) => unknown;
    return Promise.resolve().then(() => handler(message.request, sender));
  });
}
