/** Runs before every browser test file: registers the elements and cleans fixtures after each test. */
import { afterEach } from 'vitest';
import '../../src/define.js';
import { cleanupFixtures } from './fixture.js';

afterEach(() => cleanupFixtures());
