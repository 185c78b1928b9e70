/**
 * Jest setup (every test file): pack's cross-run cache goes to a fresh temp directory, never the user's cache, so
 * tests neither depend on nor leave behind what earlier runs cached. Spawned CLIs inherit the variable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cacheHome = mkdtempSync(join(tmpdir(), 'repopack-cache-'));
process.env.XDG_CACHE_HOME = cacheHome;
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));
