import { resumeSuite } from './resume-suite.ts';

resumeSuite('firefox');
