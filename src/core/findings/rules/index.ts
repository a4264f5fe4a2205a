// The rule for every finding kind. Typed as a complete record, so a kind without a rule does not compile.
import type { FindingKind } from '../../types.ts';
import type { Rule } from '../context.ts';
import { consentDiffersFromPreference } from './consent-differs-from-preference.ts';
import { consentIgnored } from './consent-ignored.ts';
import { consentSignalsDisagree } from './consent-signals-disagree.ts';
import { contradictoryDeclaration } from './contradictory-declaration.ts';
import { gpcIgnored } from './gpc-ignored.ts';
import { identifierShared } from './identifier-shared.ts';
import { invalidMetadata } from './invalid-metadata.ts';
import { noConsentMechanism } from './no-consent-mechanism.ts';
import { noPrivacyPolicy } from './no-privacy-policy.ts';
import { positiveConsentWithoutChoice } from './positive-consent-without-choice.ts';
import { retentionExceedsDeclared } from './retention-exceeds-declared.ts';
import { thirdPartyCookie } from './third-party-cookie.ts';
import { trackingBeforeConsent } from './tracking-before-consent.ts';
import { unclassifiedCookie } from './unclassified-cookie.ts';
import { undeclaredCookie } from './undeclared-cookie.ts';
import { undeclaredThirdParty } from './undeclared-third-party.ts';
import { unexpectedPurpose } from './unexpected-purpose.ts';
import { unexpectedThirdParty } from './unexpected-third-party.ts';
import { wrongPurpose } from './wrong-purpose.ts';

export const RULES: Readonly<Record<FindingKind, Rule>> = {
  'tracking-before-consent': trackingBeforeConsent,
  'consent-ignored': consentIgnored,
  'positive-consent-without-choice': positiveConsentWithoutChoice,
  'consent-differs-from-preference': consentDiffersFromPreference,
  'gpc-ignored': gpcIgnored,
  'consent-signals-disagree': consentSignalsDisagree,
  'undeclared-cookie': undeclaredCookie,
  'undeclared-third-party': undeclaredThirdParty,
  'wrong-purpose': wrongPurpose,
  'unclassified-cookie': unclassifiedCookie,
  'contradictory-declaration': contradictoryDeclaration,
  'retention-exceeds-declared': retentionExceedsDeclared,
  'identifier-shared': identifierShared,
  'invalid-metadata': invalidMetadata,
  'no-consent-mechanism': noConsentMechanism,
  'no-privacy-policy': noPrivacyPolicy,
  'third-party-cookie': thirdPartyCookie,
  'unexpected-third-party': unexpectedThirdParty,
  'unexpected-purpose': unexpectedPurpose,
};
