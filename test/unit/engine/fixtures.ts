// Loads the NumPy-generated fixtures of the engine tests (test/fixtures/generated, not committed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parsed fixture file `name`, or an error telling how to make it. */
export function loadFixture<T>(name: string): T {
  const path = join(__dirname, '..', '..', 'fixtures', 'generated', name);
  if (!existsSync(path)) {
    throw new Error(`missing fixture ${name}: run npm run fixtures (needs Python with NumPy)`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
