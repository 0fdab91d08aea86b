// selfOverlaps against brute force: every byte of every element counted.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { selfOverlaps } from '../../../src/analysis/findings';

function bruteForce(shape: number[], strides: number[], offset: number, itemsize: number): boolean {
  const seen = new Set<number>();
  const idx = shape.map(() => 0);
  const count = shape.reduce((a, b) => a * b, 1);
  for (let i = 0; i < count; i++) {
    let addr = offset;
    for (let k = 0; k < shape.length; k++) addr += idx[k]! * strides[k]!;
    for (let b = 0; b < itemsize; b++) {
      if (seen.has(addr + b)) return true;
      seen.add(addr + b);
    }
    for (let k = shape.length - 1; k >= 0; k--) {
      idx[k]!++;
      if (idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
  }
  return false;
}

test('selfOverlaps agrees with counting bytes', () => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 4 }).chain((nd) => fc.tuple(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: nd, maxLength: nd }),
      fc.array(fc.integer({ min: -40, max: 40 }), { minLength: nd, maxLength: nd }),
      fc.constantFrom(1, 2, 4, 8),
    )),
    ([shape, strides, itemsize]) => {
      const got = selfOverlaps({ shape, strides, offset: 0, itemsize });
      expect(got).toBe(bruteForce(shape, strides, 0, itemsize));
    },
  ), { numRuns: 2000, seed: 42 });
});
