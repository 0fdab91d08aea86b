// Integers of any size (issue 13 item 8, issue 9): the analysis computes Python's integer
// arithmetic exactly past 2^53, up to 1024 bits, and says "unknown" beyond, never a wrong
// number. Expected values are Python's own (scripts/fixtures/big_ints.py).
import { expect, test } from 'vitest';
import { analyzePython } from '../../../src/analysis/index';
import { MAX_BITS } from '../../../src/analysis/linear';
import { loadFixture } from '../fixtures';

interface Case { expr: string; value: string; bits: number }

const cases = loadFixture<Case[]>('big_ints.json');

function strideText(expr: string): string | undefined {
  const text = `import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\nx = np.zeros(4)\nv = as_strided(x, shape=(1,), strides=(${expr},))\n`;
  const a = analyzePython(text);
  expect(a.internalError).toBeUndefined();
  expect(a.calls).toHaveLength(1);
  return a.calls[0]!.stridesText?.[0];
}

test('the fixture reaches past 2^53 and past the bound', () => {
  expect(cases.filter((c) => c.bits > 53 && c.bits <= MAX_BITS).length).toBeGreaterThan(100);
  expect(cases.some((c) => c.bits > MAX_BITS)).toBe(true);
});

test('every expression within 1024 bits has exactly Python\'s value', () => {
  for (const c of cases.filter((x) => x.bits <= MAX_BITS)) expect(strideText(c.expr), c.expr).toBe(c.value);
});

test('past the bound the value is unknown or exact, never another number', () => {
  for (const c of cases.filter((x) => x.bits > MAX_BITS)) {
    const t = strideText(c.expr);
    if (t !== undefined && /^-?\d+$/.test(t)) expect(t, c.expr).toBe(c.value);
  }
});
