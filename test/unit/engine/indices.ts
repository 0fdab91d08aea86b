// Brute-force helpers for the engine's property tests.

/** Every index of `shape` in C order (none when a dimension is 0). */
export function* indices(shape: readonly number[]): Generator<number[]> {
  if (shape.some((n) => n === 0)) return;
  const idx = shape.map(() => 0);
  for (;;) {
    yield [...idx];
    let k = shape.length - 1;
    while (k >= 0 && ++idx[k]! === shape[k]!) idx[k--] = 0;
    if (k < 0) return;
  }
}
