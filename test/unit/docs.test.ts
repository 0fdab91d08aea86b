// The README documents what the extension contributes: every diagnostic code with its doc
// text (the Problems panel links there) and every setting. Adding one without its docs fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/analysis';

const root = resolve(__dirname, '..', '..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string; category?: string }[] };
};

describe('README documents the contributions', () => {
  it.each(Object.values(CODES))('diagnostic $code', (c) => {
    expect(readme).toContain(`#### ${c.code} — ${c.title} (${c.severity})`);
    expect(readme).toContain(c.doc);
  });

  it.each(Object.keys(pkg.contributes.configuration.properties))('setting %s', (key) => {
    expect(readme).toContain(`\`${key}\``);
  });

  it('every command has the Stride Lens category', () => {
    for (const c of pkg.contributes.commands) expect(c.category, c.command).toBe('Stride Lens');
  });
});
