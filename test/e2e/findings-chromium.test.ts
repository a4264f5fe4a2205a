import { findingsCliSuite, findingsSuite } from './findings-suite.ts';

findingsSuite('chromium');
findingsCliSuite('chromium');
