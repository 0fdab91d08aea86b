// Differential test of the Python analysis against NumPy and PyTorch: seeded random programs (an
// array built, sliced, transposed or copied, then one stride call drawn from what it really is)
// run by scripts/fixtures/analysis_random.py. Every claim the analysis makes must be
// NumPy's: a resolved view has NumPy's shape and strides, a verdict on its bounds is NumPy's,
// an error finding is made only where NumPy raised or the view leaves its buffer, and a call
// NumPy refuses is never shown as a view. What the analysis leaves unknown claims nothing; the
// share it resolves is printed and has a floor (a checker that resolves nothing is sound too).
import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { analyzePython } from '../../../src/analysis/index';
import { loadFixture } from '../fixtures';
import { requirementsHold } from './requirements';

interface Recorded {
  fn: string;
  line: number;
  error?: string;
  shape?: number[];
  strides?: number[];
  low?: number;
  high?: number;
  nbytes?: number;
  empty?: boolean;
  /** PyTorch: storage offset and storage size, in elements (no byte reach). */
  offset?: number;
  storage?: number;
  /** The bytes the source array spans, as low/high (when it has elements). */
  sourceLow?: number;
  sourceHigh?: number;
  sourceShape?: number[];
  sourceStrides?: number[];
  itemsize?: number;
  /** Integers the calling frame held by name (`w`, `hop`). */
  scalars?: Record<string, number | string>;
  /** The module-level line of the call of the function that made the view, when one did. */
  site?: number;
}

interface Program {
  text: string;
  calls: Recorded[];
  /** Set when torch was not installed where the program ran. */
  skipped?: string;
  raised?: { error: string; line: number | null };
}

/** NumPy's strides for a new C-ordered array of this shape (no length-0 axis). */
function cStrides(shape: readonly number[], itemsize: number): number[] {
  const out: number[] = [];
  let s = itemsize;
  for (let k = shape.length - 1; k >= 0; k--) { out.unshift(s); s *= shape[k]!; }
  return out;
}

const { numpy, programs } = loadFixture<{ numpy: string; programs: Record<string, Program> }>('analysis_random.json');

test(`random programs: every claim agrees with NumPy ${numpy}`, () => {
  let made = 0;
  let resolved = 0;
  let raised = 0;
  let refused = 0;
  let definitions = 0;
  let requirementsChecked = 0;
  const failures: string[] = [];
  for (const [name, p] of Object.entries(programs)) {
    const a = analyzePython(p.text);
    expect(a.internalError, name).toBeUndefined();
    if (p.skipped) continue;
    expect(p.calls.length, `${name}: NumPy recorded the call`).toBe(1);
    const r = p.calls[0]!;
    // torch checks its views against the storage and raises: a view it made is inside.
    const torch = r.storage !== undefined || /torch|Tensor/.test(r.fn);
    const inside = !r.error && (torch || r.empty || (r.low! >= 0 && r.high! <= r.nbytes!));
    // The view as the call makes it: at the module-level call, or where the function is called.
    const line = r.site ?? r.line;
    const c = a.calls.find((x) => x.range.start.line + 1 === line && Boolean(x.via) === (r.site !== undefined));
    const fail = (what: string, at = c) => failures.push(`${name}: ${what}\n${p.text}  analysis: ${at?.lens}\n  NumPy: ${JSON.stringify(r)}`);
    if (r.site !== undefined) {
      // At the definition the array is a parameter: a verdict there is for every array with
      // elements (and an error there takes it laid out in C order: codes.ts, SL001), so it
      // must hold for this one when it is such an array.
      definitions++;
      const d = a.calls.find((x) => x.range.start.line + 1 === r.line && !x.via);
      if (!d) { fail('no call found at the definition'); continue; }
      const errors = d.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code);
      const withElements = r.sourceShape !== undefined && !r.sourceShape.includes(0);
      const cOrder = withElements && JSON.stringify(r.sourceStrides) === JSON.stringify(cStrides(r.sourceShape!, r.itemsize!));
      // SL001 there says the view leaves the array (`a`), whatever buffer holds it, for every
      // size that gives the view elements; a refused call reads nothing.
      const inArray = r.sourceLow !== undefined && r.low! >= r.sourceLow && r.high! <= r.sourceHigh!;
      if (errors.length > 0 && cOrder && !r.error && inArray && !r.empty) fail(`the definition says ${errors} for every array, NumPy made this one inside the array`, d);
      if (/fits any/.test(d.lens) && withElements && !r.error && !inside) fail('the definition says it fits any array, NumPy\'s view left the buffer', d);
      if (/fits any/.test(d.lens) && d.diagnostics.some((x) => x.code === 'SL001' || x.code === 'SL002')) fail('"fits any" beside a bounds finding', d);
      // What the definition needs (`needs a.shape[-1] ≥ w - 1`), where it held for the values
      // passed, kept the view in the array.
      if (d.requires.length > 0 && withElements && !r.error && requirementsHold(d.requires, d.source, r) === true) {
        requirementsChecked++;
        if (!inside) fail(`the definition's requirements held (${d.requires.join(', ')}) but NumPy's view left the buffer`, d);
      }
    }
    if (!c) {
      if (r.site === undefined) fail('no call found');
      continue;
    }
    const errors = c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    const view = c.shape !== null && c.strides !== null;
    if (r.error) {
      raised++;
      if (view && errors.length === 0) fail('NumPy raised but the analysis shows a view');
      if (errors.length > 0) refused++;
      continue;
    }
    made++;
    if (errors.some((e) => e === 'SL004' || e === 'SL008')) fail(`NumPy made the view but the analysis says it raises (${errors})`);
    if (errors.includes('SL001') && inside) fail('SL001 on a view NumPy keeps inside its buffer');
    if (c.inBounds !== null && c.inBounds !== inside) fail(`inBounds ${c.inBounds}, NumPy ${inside}`);
    if (!view) continue;
    resolved++;
    if (JSON.stringify(c.shape) !== JSON.stringify(r.shape)) fail('shape differs');
    // An empty view reads nothing: NumPy may give its axes any strides (broadcast_to gives 0).
    else if (!r.empty && JSON.stringify(c.strides) !== JSON.stringify(r.strides)) fail('strides differ');
    else if (torch && (c.offset !== r.offset || c.buffer?.size !== r.storage)) fail(`storage offset ${c.offset} of ${c.buffer?.size}, torch ${r.offset} of ${r.storage}`);
  }
  console.log(`random programs (NumPy ${numpy}): ${Object.keys(programs).length} (${definitions} made in a function, ${requirementsChecked} requirements held and checked); views made ${made}, resolved ${resolved} (${(100 * resolved / made).toFixed(1)} %); NumPy raised ${raised}, the analysis said so for ${refused}`);
  // RANDOM_DUMP=file writes every failure, not only the first five.
  if (process.env.RANDOM_DUMP) writeFileSync(process.env.RANDOM_DUMP, failures.join('\n\n'));
  expect(failures.slice(0, 5).join('\n\n')).toBe('');
  expect(resolved / made).toBeGreaterThan(0.8);
  expect(requirementsChecked).toBeGreaterThanOrEqual(30);
});
