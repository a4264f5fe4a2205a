import { declaredSuite } from './declared-suite.ts';

declaredSuite('firefox');
