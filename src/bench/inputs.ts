/**
 * Deterministic inputs, computed the same way here and in python/stride_lens/bench.py, so a
 * NumPy variant can be checked against our reference without sending arrays across:
 * element i of an input with seed (a, m) is float32(((i * a) % m) / m - 0.5).
 * i * a stays below 2^53 for every size we allow, so both sides compute it exactly.
 */

export const INPUT_SEED = { a: 37, m: 1009 } as const;
export const WEIGHT_SEED = { a: 53, m: 997 } as const;

export function fillInput(out: Float32Array, seed: { a: number; m: number } = INPUT_SEED): Float32Array {
  const { a, m } = seed;
  for (let i = 0; i < out.length; i++) out[i] = ((i * a) % m) / m - 0.5;
  return out;
}
