import { declaredSuite } from './declared-suite.ts';

declaredSuite('chromium');
