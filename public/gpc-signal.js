// Registered by Candor only while the visitor has Global Privacy Control turned on: the page-visible half of
// GPC (https://w3c.github.io/gpc/#javascript-property-to-detect-preference); the Sec-GPC header is set by a
// declarativeNetRequest rule.
Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true, enumerable: true });
