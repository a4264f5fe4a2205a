// Global Privacy Control, when the visitor turns it on: the Sec-GPC: 1 header on every request (a
// declarativeNetRequest session rule) and navigator.globalPrivacyControl in every page (a MAIN-world script).
import browser from 'webextension-polyfill';

const RULE_ID = 1;
const SCRIPT_ID = 'candor-gpc';

export async function applyGpc(on: boolean): Promise<void> {
  try {
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: [RULE_ID],
      addRules: on
        ? [
            {
              id: RULE_ID,
              priority: 1,
              action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] },
              condition: {
                resourceTypes: [
                  'main_frame',
                  'sub_frame',
                  'stylesheet',
                  'script',
                  'image',
                  'font',
                  'object',
                  'xmlhttprequest',
                  'ping',
                  'media',
                  'websocket',
                  'other',
                ],
              },
            },
          ]
        : [],
    });
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (on) {
      await browser.scripting.registerContentScripts([
        {
          id: SCRIPT_ID,
          js: ['gpc-signal.js'],
          matches: ['http://*/*', 'https://*/*'],
          runAt: 'document_start',
          allFrames: true,
          world: 'MAIN',
          persistAcrossSessions: false,
        } as Parameters<typeof browser.scripting.registerContentScripts>[0][number],
      ]);
    }
  } catch (error) {
    console.warn('Candor: could not apply the GPC setting', error);
  }
}
