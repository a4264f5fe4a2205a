// The crawl's pure logic: list parsing, sharding, resume bookkeeping, rows, progress text, scheduling.
export { hash53, hashHex8 } from './hash.ts';
export type { EntryStatus, JournalEntry, ResumePlan } from './journal.ts';
export {
  journalKey,
  journalLine,
  parseJournal,
  planResume,
} from './journal.ts';
export type { ListEntry, ListProblem, ParsedList } from './list.ts';
export { normalizeListUrl, parseList } from './list.ts';
export { reportName } from './names.ts';
export { crawlExitCode } from './outcome.ts';
export type { ProgressState, SiteLine } from './progress.ts';
export {
  formatDurationShort,
  progressBar,
  siteLine,
  sitesPerMinute,
} from './progress.ts';
export type { SiteIdentity } from './rows.ts';
export { siteRows } from './rows.ts';
export type { ScheduleOptions, SiteOutcome, SiteResult } from './schedule.ts';
export {
  defaultConcurrency,
  defaultSiteTimeout,
  runSites,
} from './schedule.ts';
export type { Shard } from './shard.ts';
export { formatShard, inShard, parseShard } from './shard.ts';
