// The NumPy/PyTorch ground truth of the unit tests: written by scripts/fixtures/*.py into
// test/fixtures/generated/ (`npm run fixtures`), never committed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the generators write. */
export const GENERATED = join(__dirname, '..', 'fixtures', 'generated');

/** The bytes of generated file `path` (relative to GENERATED), or a failure telling how to make it. */
export function fixtureBytes(path: string): Buffer {
  const file = join(GENERATED, path);
  if (!existsSync(file)) throw new Error(`missing fixture ${path}: run npm run fixtures (needs Python with NumPy)`);
  return readFileSync(file);
}

/** The parsed generated JSON file `name`, or a failure telling how to make it. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(fixtureBytes(name).toString('utf8')) as T;
}
