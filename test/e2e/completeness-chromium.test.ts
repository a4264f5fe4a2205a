import { completenessSuite } from './completeness-suite.ts';

completenessSuite('chromium');
