import { findingsSuite } from './findings-suite.ts';

findingsSuite('firefox');
