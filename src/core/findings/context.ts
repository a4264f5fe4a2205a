// What every findings rule receives: one visit, the report it belongs to, the injected independent classifier, and
// the site owner's pinned expectations (candor.config.json).
import type { CookiePurposeSource, Finding, Purpose, Visit } from '../types.ts';

/** The cookie facts an independent classifier may look at (never the site's declaration). */
export interface ClassifierInput {
  name: string;
  domain: string;
  value?: string;
  lifetimeSeconds?: number | null;
}

export interface Classification {
  purpose: Purpose;
  source: CookiePurposeSource;
  /** which known-cookie rule, tracker or heuristic decided */
  detail?: string | undefined;
}

/**
 * Classifies a cookie while ignoring every declaration (known cookies, setter tracker, heuristics).
 * Injected rather than imported, so rules stay testable and the integrator wires `classifyCookie`.
 */
export type IndependentClassifier = (cookie: ClassifierInput) => Classification;

/**
 * What a site owner pinned in `candor.config.json` (`expect`): the third parties and purposes the site is meant to
 * have. Each list is judged only when configured; an empty list means "none at all".
 */
export interface Expectations {
  /** registrable domains (`google-analytics.com`), or `*.example.com`: that domain and everything under it */
  thirdParties?: readonly string[];
  /** the purposes trackers and cookies may serve */
  purposes?: readonly Purpose[];
}

export interface RuleContext {
  /** the visit this rule judges */
  visit: Visit;
  /** every visit of the report, in report order (phased rules look at the others) */
  visits: readonly Visit[];
  /** registrable domain of the top-level page */
  site: string;
  /** null where none was wired: rules that need it (`wrong-purpose`) then stay silent */
  classify: IndependentClassifier | null;
  /** the pinned expectations; absent where none are configured (`unexpected-*` rules then stay silent) */
  expectations?: Expectations;
}

export type Rule = (ctx: RuleContext) => Finding[];
