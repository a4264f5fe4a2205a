import { cmpSuite } from './cmp-suite.ts';

cmpSuite('firefox');
