// The Python analysis on small programs: call discovery under every import spelling, facts
// about sources, symbolic requirements, lens/hover text shapes, quick fixes that remove the
// problem they fix, notebooks, and incremental re-analysis giving the same answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeNotebook, analyzePython, callAt, nameAt, type Analysis, type QuickFix } from '../../../src/analysis/index';

const PRELUDE = 'import numpy as np\nimage = np.zeros((28, 28), dtype=np.float32)\n';

function only(a: Analysis) {
  expect(a.internalError).toBeUndefined();
  expect(a.calls).toHaveLength(1);
  return a.calls[0]!;
}

function applyFix(text: string, fix: QuickFix): string {
  const edits = [...fix.edits].sort((x, y) => y.range.from - x.range.from);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.from) + e.newText + out.slice(e.range.to);
  return out;
}

describe('finding the calls', () => {
  const spellings: [string, string][] = [
    ['np.lib.stride_tricks.as_strided', ''],
    ['numpy.lib.stride_tricks.as_strided', 'import numpy\n'],
    ['as_strided', 'from numpy.lib.stride_tricks import as_strided\n'],
    ['ast', 'from numpy.lib.stride_tricks import as_strided as ast\n'],
    ['st.as_strided', 'import numpy.lib.stride_tricks as st\n'],
    ['stride_tricks.as_strided', 'from numpy.lib import stride_tricks\n'],
    ['as_strided', 'from numpy.lib.stride_tricks import *\n'],
    ['as_strided', 'from numpy.lib.stride_tricks import (\n    as_strided,\n    sliding_window_view,\n)\n'],
  ];
  test.each(spellings)('%s', (callee, imports) => {
    const text = `${PRELUDE}${imports}v = ${callee}(image, shape=(26, 26, 3, 3), strides=image.strides * 2)\n`;
    const c = only(analyzePython(text));
    expect(c.fn).toBe('as_strided');
    expect(c.shape).toEqual([26, 26, 3, 3]);
    expect(c.inBounds).toBe(true);
  });

  test('positional and keyword arguments give the same view', () => {
    const a = only(analyzePython(`${PRELUDE}v = np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides + image.strides)\n`));
    const b = only(analyzePython(`${PRELUDE}v = np.lib.stride_tricks.as_strided(strides=image.strides + image.strides, x=image, shape=(26, 26, 3, 3))\n`));
    expect(a.strides).toEqual(b.strides);
    expect(a.lens).toBe(b.lens);
  });

  test('as_strided with shape and strides omitted keeps the source layout', () => {
    const c = only(analyzePython(`${PRELUDE}v = np.lib.stride_tricks.as_strided(image.T)\n`));
    expect(c.shape).toEqual([28, 28]);
    expect(c.strides).toEqual([4, 112]);
  });

  test('a new shape with strides omitted: why the strides are what they are, and unknown when they depend on the layout', () => {
    // Numbers against NumPy: test/analysis-corpus/strides_omitted.py and cs_strides_omitted.py.
    const text = `${PRELUDE}flat = np.lib.stride_tricks.as_strided(image, shape=(56, 14))\n`
      + 'cols = np.lib.stride_tricks.as_strided(image[:, ::2], shape=(28, 14))\n'
      + 'def as_matrix(x, rows, cols):\n    return np.lib.stride_tricks.as_strided(x, shape=(rows, cols))\n';
    const [flat, cols, param] = analyzePython(text).calls;
    expect(flat!.strides).toEqual([56, 4]);
    expect(flat!.diagnostics).toEqual([]);
    expect(flat!.hover.notes).toContain('`strides` omitted: image is C-contiguous, so NumPy gives the new shape C-order strides (not the strides of image).');
    expect(cols!.strides).toEqual([112, 8]);
    expect(cols!.hover.notes.some((n) => n.includes('not C-contiguous, so the view keeps its strides'))).toBe(true);
    expect(param!.lens).toBe('view (rows, cols) · strides ? · strides depend on whether x is C-contiguous');
    expect(param!.diagnostics).toEqual([]);
  });

  test('sliding_window_view, torch.as_strided and tensor.as_strided', () => {
    const text = `${PRELUDE}import torch\nfrom numpy.lib.stride_tricks import sliding_window_view as swv\n`
      + 'w = swv(image, (3, 3))\nt = torch.zeros(4, 5)\na = torch.as_strided(t, (3, 5), (5, 1), 5)\nb = t.as_strided(size=(2, 2), stride=(1, 5))\nc = torch.Tensor.as_strided(t, (2,), (5,))\n';
    const a = analyzePython(text);
    expect(a.calls.map((c) => c.fn)).toEqual(['sliding_window_view', 'torch.as_strided', 'Tensor.as_strided', 'torch.as_strided']);
    expect(a.calls[0]!.shape).toEqual([26, 26, 3, 3]);
    expect(a.calls[1]!.units).toBe('elements');
    expect(a.calls[1]!.offset).toBe(5);
  });
});

describe('the lens', () => {
  test('an (H, W, C) image\'s axes are named by number, not as planes, rows and columns', () => {
    // 3×3 windows over a (480, 640, 3) uint8 photo, channels kept: strides (1920, 3, 1920, 3, 1).
    const text = 'import numpy as np\nphoto = np.zeros((480, 640, 3), dtype=np.uint8)\ns = photo.strides\n'
      + 'v = np.lib.stride_tricks.as_strided(photo, shape=(478, 638, 3, 3, 3), strides=(s[0], s[1], s[0], s[1], s[2]))\n';
    const c = only(analyzePython(text));
    const words = c.hover.dims.map((d) => d.text).join('\n');
    expect(words).not.toMatch(/plane|\brow|column/);
    expect(c.hover.dims[0]!.text).toBe('dim 0: one step along axis 0 of photo = 1920 B');
    expect(c.hover.dims[4]!.text).toMatch(/one step along axis 2 of photo = 1 B$/);
  });

  test('the canonical im2col lens', () => {
    const c = only(analyzePython(`${PRELUDE}s = image.strides\nv = np.lib.stride_tricks.as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n`));
    expect(c.lens).toBe('view (26, 26, 3, 3) · strides (112, 4, 112, 4) · bytes 0–3135 of 3136 ✓ · windows overlap');
    expect(c.hover.dims[0]!.text).toBe('dim 0: next patch row = one row of image = 112 B');
    expect(c.hover.dims.map((d) => d.strideElements)).toEqual(['28', '1', '28', '1']);
    expect(c.hoverRanges.length).toBe(3); // the callee, the shape and the strides arguments
    const text = `${PRELUDE}s = image.strides\nv = np.lib.stride_tricks.as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n`;
    const a = analyzePython(text);
    expect(callAt(a, 0, text.indexOf('(26, 26'))).toBe(a.calls[0]);
    expect(callAt(a, 0, text.indexOf('s[1], s[0]'))).toBe(a.calls[0]);
    expect(callAt(a, 0, text.indexOf('image = '))).toBeUndefined();
  });

  test('a transpose written with strides is named as one', () => {
    const c = only(analyzePython('import numpy as np\na = np.arange(12, dtype=np.float32).reshape(3, 4)\nat = np.lib.stride_tricks.as_strided(a, shape=(4, 3), strides=(a.strides[1], a.strides[0]))\n'));
    expect(c.lens).toMatch(/ · same as a\.T$/);
    expect(c.hover.dims.map((d) => d.meaning)).toEqual(['one column of a = 4 B', 'one row of a = 16 B']);
  });

  test('out of bounds: the lens leads with the overrun and SL001 is an error', () => {
    const c = only(analyzePython(`${PRELUDE}v = np.lib.stride_tricks.as_strided(image, shape=(100, 100, 3, 3), strides=(112, 4, 112, 4))\n`));
    expect(c.lens).toMatch(/^⚠ reads \d[\d\u2009]* B past the end of image \(3136 B\)/);
    expect(c.inBounds).toBe(false);
    expect(c.diagnostics.map((d) => d.code)).toContain('SL001');
    expect(c.diagnostics.find((d) => d.code === 'SL001')!.severity).toBe('error');
  });

  test('a call known to raise says so in its lens, beside its SL008', () => {
    const cases = [
      `${PRELUDE}v = np.lib.stride_tricks.as_strided(image, (image.shape[0] - 30, 3), (112, 4))\n`,
      `${PRELUDE}v = np.broadcast_to(image[0], (4, 27))\n`,
      'import torch\nt = torch.zeros(2, 16)\nw = t.unfold(1, 17, 1)\n',
    ];
    const lenses = cases.map((text) => {
      const c = only(analyzePython(text));
      expect(c.diagnostics.map((d) => d.code)).toContain('SL008');
      return c.lens;
    });
    expect(lenses).toEqual([
      '⚠ raises: negative dimensions are not allowed: shape[0] = -2',
      '⚠ raises: cannot broadcast an array of shape (28,) to shape (4, 27)',
      '⚠ raises: maximum size for tensor at dimension 1 is 16 but size is 17',
    ]);
  });

  test('the rolling-window recipe on an array of unknown dimension count: the leading axes stay the source\'s', () => {
    const text = [
      'import numpy as np',
      'def rolling_window(a, window):',
      '    shape = a.shape[:-1] + (a.shape[-1] - window + 1, window)',
      '    strides = a.strides + (a.strides[-1],)',
      '    return np.lib.stride_tricks.as_strided(a, shape=shape, strides=strides)',
      'def rolling_past(a, window):',
      '    return np.lib.stride_tricks.as_strided(a, a.shape[:-1] + (a.shape[-1] - window + 2, window), a.strides + (a.strides[-1],))',
      'def last_repeated(a):',
      '    return np.lib.stride_tricks.as_strided(a, a.shape[:-1] + (5,), a.strides[:-1] + (0,))',
    ].join('\n') + '\n';
    const [ok, past, repeated] = analyzePython(text).calls;
    expect(ok!.lens).toBe('view (…, a.shape[-1] - window + 1, window) · strides (…, a.strides[-1], a.strides[-1]) · fits any a ✓');
    expect(ok!.hover.dims.map((d) => d.dim)).toEqual([-2, -1]);
    expect(ok!.hover.notes).toContain('Same view: np.lib.stride_tricks.sliding_window_view(a, window, axis=-1)');
    expect(past!.diagnostics.map((d) => d.code)).toEqual(['SL001']);
    expect(past!.diagnostics[0]!.message).toContain('a.shape[-1]');
    // The code never reads a.shape[-1] or a.strides[-1] (a 0-d `a` would not raise): nothing is claimed.
    expect(repeated!.lens).toBe('view ? · strides ? · not all sizes known');
  });

  test('a method\'s view of self.signal: at the definition an unknown array by that name, at a call on an instance the __init__ array', () => {
    const text = [
      'import numpy as np',
      'from numpy.lib.stride_tricks import as_strided',
      'class Framer:',
      '    def __init__(self, n, hop):',
      '        self.signal = np.zeros(n, dtype=np.float32)',
      '        self.hop = hop',
      '    def frames(self, w):',
      '        n = self.signal.shape[0] - w + 1',
      '        return as_strided(self.signal, shape=(n, w), strides=self.signal.strides * 2, writeable=False)',
      '    def hops(self, w, n):',
      '        return as_strided(self.signal, shape=(n, w), strides=(self.hop * self.signal.strides[0], self.signal.strides[0]), writeable=False)',
      'v = Framer(1000, 10).frames(100)',
    ].join('\n') + '\n';
    const [def, hops, site] = analyzePython(text).calls;
    expect(def!.lens).toBe('view (self.signal.shape[0] - w + 1, w) · strides (self.signal.strides[0], self.signal.strides[0]) · fits any self.signal ✓');
    expect(hops!.lens).toBe('view (n, w) · strides (self.hop * self.signal.strides[0], self.signal.strides[0]) · needs self.signal.shape[0] ≥ (n - 1) * self.hop + w, self.hop ≥ 0');
    // The call site's numbers are checked against NumPy in the corpus (cs_method_*, ok_method_*).
    expect(site!.via).toBe('frames');
    expect(site!.inBounds).toBe(true);
  });

  test('self.signal read again after a call that may rebind it (or in a loop that makes one) is another unknown: no ✓ from the old size', () => {
    const body = (loop: boolean) => [
      'import numpy as np',
      'class Framer:',
      '    def frames(self, w):',
      '        n = self.signal.shape[0] - w + 1',
      ...(loop
        ? ['        for _ in range(3):', '            v = np.lib.stride_tricks.as_strided(self.signal, (n, w), self.signal.strides * 2)', '            self.reload()']
        : ['        self.reload()', '        v = np.lib.stride_tricks.as_strided(self.signal, (n, w), self.signal.strides * 2)']),
      '        return v',
    ].join('\n') + '\n';
    for (const loop of [false, true]) {
      const c = only(analyzePython(body(loop)));
      expect(c.lens).not.toContain('✓');
      expect(c.requires).toEqual(['self.signal′.shape[0] ≥ self.signal.shape[0]']);
    }
  });

  test('unknown source: symbolic strides and what the view needs', () => {
    const c = only(analyzePython('import numpy as np\ndef conv(image):\n    s = image.strides\n    return np.lib.stride_tricks.as_strided(image, shape=(26, 26, 3, 3), strides=(s[0], s[1], s[0], s[1]))\n'));
    expect(c.requires).toEqual(['image.shape ≥ (28, 28)']);
    expect(c.lens).toContain('needs image.shape ≥ (28, 28)');
    expect(c.stridesText).toEqual(['image.strides[0]', 'image.strides[1]', 'image.strides[0]', 'image.strides[1]']);
    // A verdict for every image is for images with elements (random.test.ts checks it so).
    expect(c.hover.notes).toContain('For any image with elements: an empty image has no byte to read.');
  });

  test('window counts written from the shape fit every size; pool counts too', () => {
    const conv = only(analyzePython('import numpy as np\ndef conv(x, k):\n    h, w = x.shape\n    return np.lib.stride_tricks.as_strided(x, (h - k + 1, w - k + 1, k, k), x.strides * 2)\n'));
    expect(conv.requires).toEqual([]);
    expect(conv.lens).toContain('fits any x ✓');
    const pool = only(analyzePython('import numpy as np\ndef pool(x):\n    s0, s1 = x.strides\n    return np.lib.stride_tricks.as_strided(x, (x.shape[0] // 2, x.shape[1] // 2, 2, 2), (s0 * 2, s1 * 2, s0, s1))\n'));
    expect(pool.requires).toEqual([]);
    expect(pool.diagnostics).toEqual([]);
  });

  test('a known source with window counts from parameters: the bound is stated on the counts', () => {
    const c = only(analyzePython('import numpy as np\nx = np.zeros(10)\ndef f(n, k):\n    return np.lib.stride_tricks.as_strided(x, (n, k), x.strides * 2, writeable=False)\n'));
    expect(c.requires).toEqual(['n + k - 1 ≤ 10 (x.shape[0])']);
  });

  test('past the end of an inner axis of a parameter a window runs into the next row (SL002); over every row, past the end (SL001)', () => {
    // The random programs of random.test.ts hold both against NumPy, for the arrays passed.
    const text = [
      'import numpy as np',
      'def first_row(x, w):',
      '    return np.lib.stride_tricks.as_strided(x, (x.shape[1] - w + 2, w), (x.strides[1], x.strides[1]))',
      'def every_row(x, w):',
      '    return np.lib.stride_tricks.as_strided(x, (x.shape[0], x.shape[1] - w + 2, w), (x.strides[0], x.strides[1], x.strides[1]))',
    ].join('\n') + '\n';
    const [first, every] = analyzePython(text).calls;
    expect(first!.diagnostics.map((d) => d.code)).toEqual(['SL002']);
    expect(first!.lens).toBe('⚠ · view (x.shape[1] - w + 2, w) · strides (x.strides[1], x.strides[1]) · windows run into the next row of x');
    expect(every!.diagnostics.map((d) => d.code)).toEqual(['SL001']);
  });

  test('a window count that is always one too many is SL001 even without sizes', () => {
    const c = only(analyzePython('import numpy as np\ndef conv(x):\n    h, w = x.shape\n    return np.lib.stride_tricks.as_strided(x, (h - 1, w - 1, 3, 3), x.strides * 2, writeable=False)\n'));
    expect(c.diagnostics.map((d) => d.code)).toEqual(['SL001']);
  });
});

describe('quick fixes remove what they fix', () => {
  test('correct the window count', () => {
    const text = `${PRELUDE}v = np.lib.stride_tricks.as_strided(image, shape=(28, 28, 3, 3), strides=image.strides * 2, writeable=False)\n`;
    const d = only(analyzePython(text)).diagnostics.find((x) => x.code === 'SL001')!;
    const fix = d.fixes.find((f) => f.title.startsWith('Correct the window count'))!;
    const after = only(analyzePython(applyFix(text, fix)));
    expect(after.inBounds).toBe(true);
    expect(after.shape).toEqual([26, 26, 3, 3]);
    expect(after.diagnostics).toEqual([]);
  });

  test.each([
    ['inline', 'def f(x, w):\n    return as_strided(x, (len(x) - w + 2, w), x.strides * 2)\n', 'len(x) - w + 1'],
    ['through a name', 'def f(x, frame_length):\n    n_frames = len(x) - frame_length + 2\n    return as_strided(x, (n_frames, frame_length), x.strides * 2)\n', 'n_frames = len(x) - frame_length + 1'],
    ['a count with no constant left', 'def f(x, w):\n    return as_strided(x, (len(x) - w + 1 + 1, w), x.strides * 2)\n', 'len(x) - w + 1'],
  ])('correct the window count in the user\'s names (%s), and the error goes', (_what, body, kept) => {
    const text = `import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\n${body}`;
    const d = only(analyzePython(text)).diagnostics.find((x) => x.code === 'SL001')!;
    const fix = d.fixes[0]!;
    expect(fix.title).toContain('Correct the window count');
    const after = applyFix(text, fix);
    expect(after).toContain(kept);
    expect(after).not.toContain('shape[0]');
    expect(only(analyzePython(after)).diagnostics.filter((x) => x.code === 'SL001')).toEqual([]);
  });

  test('rewrite as sliding_window_view gives the same view, strided pooling included', () => {
    for (const [shape, strides] of [['(26, 26, 3, 3)', 's + s'], ['(14, 14, 2, 2)', '(s[0] * 2, s[1] * 2, s[0], s[1])']] as const) {
      const text = `${PRELUDE}s = image.strides\nv = np.lib.stride_tricks.as_strided(image, ${shape}, ${strides})\n`;
      const before = only(analyzePython(text));
      expect(before.refactorings).toHaveLength(1);
      const after = analyzePython(applyFix(text, before.refactorings[0]!));
      const c = only(after);
      expect(c.fn).toBe('sliding_window_view');
      // the [::2, ::2] slice is applied after the call: compare the window dims and strides
      if (shape.startsWith('(26')) {
        expect(c.shape).toEqual(before.shape);
        expect(c.strides).toEqual(before.strides);
      }
    }
  });

  test('writeable=False silences SL003; derive strides silences SL006 with the same view', () => {
    const text = `${PRELUDE}v = np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), (112, 4, 112, 4))\nv *= 2\n`;
    const c = only(analyzePython(text));
    expect(c.diagnostics.map((d) => d.code).sort()).toEqual(['SL003', 'SL006']);
    const w = applyFix(text, c.diagnostics.find((d) => d.code === 'SL003')!.fixes[0]!);
    const s = applyFix(w, only(analyzePython(w)).diagnostics.find((d) => d.code === 'SL006')!.fixes[0]!);
    const after = only(analyzePython(s));
    expect(after.diagnostics).toEqual([]);
    expect(after.strides).toEqual(c.strides);
    expect(s).toContain('image.strides[0]');
  });

  test('writeable=True on overlapping windows: the fix turns it off', () => {
    for (const call of ['np.lib.stride_tricks.sliding_window_view(image, (3, 3), writeable=True)', 'np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2, writeable=True)']) {
      const text = `${PRELUDE}v = ${call}\n`;
      const d = only(analyzePython(text)).diagnostics.find((x) => x.code === 'SL003')!;
      const after = applyFix(text, d.fixes[0]!);
      expect(after).toContain('writeable=False');
      expect(only(analyzePython(after)).diagnostics).toEqual([]);
    }
  });

  test('check_bounds=True is offered only for NumPy 2.5 and later', () => {
    const text = `${PRELUDE}v = np.lib.stride_tricks.as_strided(image, (30, 30), (112, 4))\n`;
    const titles = (v?: string) => only(analyzePython(text, { numpyVersion: v })).diagnostics.flatMap((d) => d.fixes.map((f) => f.title));
    expect(titles('2.4.1').some((t) => t.includes('check_bounds'))).toBe(false);
    expect(titles('2.5.0').some((t) => t.includes('check_bounds'))).toBe(true);
  });

  test('torch strides in bytes: SL007 and its fix', () => {
    const text = 'import torch\nt = torch.zeros(28, 28)\nv = t.as_strided((26, 26, 3, 3), (112, 4, 112, 4))\n';
    const c = only(analyzePython(text));
    const d = c.diagnostics.find((x) => x.code === 'SL007')!;
    const after = only(analyzePython(applyFix(text, d.fixes[0]!)));
    expect(after.inBounds).toBe(true);
    expect(after.strides).toEqual([28, 1, 28, 1]);
  });
});

describe('facts about sources', () => {
  test('annotations, directives and np.load through the header reader', () => {
    const jt = only(analyzePython('import numpy as np\ndef f(image: Float32[np.ndarray, "28 28"]):\n    return np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2)\n'));
    const dir = only(analyzePython('import numpy as np\n# stride-lens: image float32[28, 28]\ndef f(image):\n    return np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2)\n'));
    const load = only(analyzePython("import numpy as np\nimage = np.load('img.npy')\nv = np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2)\n", {
      readNpyHeader: (p) => (p === 'img.npy' ? { shape: [28, 28], dtype: '<f4', itemsize: 4, fortranOrder: false } : undefined),
    }));
    for (const c of [jt, dir, load]) {
      expect(c.strides).toEqual([112, 4, 112, 4]);
      expect(c.inBounds).toBe(true);
    }
  });

  test('npt.NDArray gives the dtype; the view stays symbolic in the shape', () => {
    const c = only(analyzePython('import numpy as np\nimport numpy.typing as npt\ndef f(x: npt.NDArray[np.float32]):\n    return np.lib.stride_tricks.as_strided(x, (4, x.itemsize), (x.itemsize, 1))\n'));
    expect(c.itemsize).toBe(4);
    expect(c.shapeText).toEqual(['4', '4']);
  });

  test('tracked integers and tuples: shape arithmetic, tuple +, *, // and slicing', () => {
    const c = only(analyzePython(`${PRELUDE}k = 3\nn = image.shape[0] - k + 1\ns = image.strides\nout = (n, (image.shape[1] + 1) // 2 - 1) + (k,) * 2\nv = np.lib.stride_tricks.as_strided(image, out, (s[0], s[1] * 2) + s[:], writeable=False)\n`));
    expect(c.shape).toEqual([26, 13, 3, 3]);
    expect(c.strides).toEqual([112, 8, 112, 4]);
  });

  test('a header reader that throws is an unknown source, not a crash', () => {
    const a = analyzePython("import numpy as np\nx = np.load('a.npy')\nv = np.lib.stride_tricks.as_strided(x, (2,), (8,))\n", { readNpyHeader: () => { throw new Error('disk'); } });
    expect(a.internalError).toBeUndefined();
    expect(only(a).shape).toEqual([2]);
  });
});

describe('notebooks and edits', () => {
  test('facts flow from cell to cell and ranges name the cell', () => {
    const cells = ['import numpy as np', 'image = np.zeros((28, 28), np.float32)', 'v = np.lib.stride_tricks.as_strided(image, (27, 27, 3, 3), image.strides * 2)'];
    const c = only(analyzeNotebook(cells));
    expect(c.range.unit).toBe(2);
    expect(c.range.start).toEqual({ line: 0, col: 4 });
    expect(c.inBounds).toBe(false);
  });

  test('each corpus snippet split into cells at blank lines gives the findings of the whole file', () => {
    const dir = join(__dirname, '..', '..', 'analysis-corpus');
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.py'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      if (/^\s/m.test(text.split(/\n\s*\n/).slice(1).map((c) => c.split('\n')[0]).join('\n'))) continue; // a block continues after a blank line
      const cells = text.split(/\n\n/);
      const whole = analyzePython(text);
      const nb = analyzeNotebook(cells);
      expect(nb.calls.map((c) => c.lens), f).toEqual(whole.calls.map((c) => c.lens));
      expect(nb.calls.map((c) => c.diagnostics.map((d) => d.code)), f).toEqual(whole.calls.map((c) => c.diagnostics.map((d) => d.code)));
      // positions: cell-relative lines add back up to the file's lines
      const starts = cells.map((_, i) => cells.slice(0, i).reduce((n, c) => n + c.split('\n').length + 1, 0));
      expect(nb.calls.map((c) => starts[c.range.unit]! + c.range.start.line), f).toEqual(whole.calls.map((c) => c.range.start.line));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('re-analysis after an edit equals a fresh analysis', () => {
    const text = `${PRELUDE}v = np.lib.stride_tricks.as_strided(image, (26, 26, 3, 3), image.strides * 2)\n`;
    const first = analyzePython(text);
    const edited = text.replace('(26, 26', '(27, 26');
    const inc = analyzePython(edited, {}, first);
    const fresh = analyzePython(edited);
    expect(inc.calls.map((c) => c.lens)).toEqual(fresh.calls.map((c) => c.lens));
  });
});

describe('parameter defaults are one value, not the value', () => {
  test('a view sized by a defaulted parameter states its requirement instead of a ✓ that holds only for the default', () => {
    // NumPy: as_strided(img, (5,), (8,)) stays inside the 80 bytes, but f(20) reads 80 B past the end.
    const text = 'import numpy as np\nfrom numpy.lib.stride_tricks import as_strided\nimg = np.zeros(10)\n\ndef f(n=5):\n    return as_strided(img, shape=(n,), strides=img.strides)\n';
    const c = only(analyzePython(text));
    expect(c.lens).not.toContain('✓');
    expect(c.inBounds).toBeNull();
    expect(c.requires).toEqual(['n ≤ 10 (img.shape[0])']);
    expect(c.diagnostics).toEqual([]);
  });
});

describe('branches and loops merge what they may assign (no last-assignment-wins)', () => {
  const HEAD = 'import numpy as np\nfrom numpy.lib.stride_tricks import as_strided, sliding_window_view\nimg = np.zeros(10)\n';
  const call = (body: string) => only(analyzePython(`${HEAD}${body}`));
  // Each of these reads past img on one path and not on another: an error claim would be
  // false on the other path, a ✓ false on the first. The lens says what it depends on.
  test.each([
    ['if without else', 'n = 5\nif img.sum() > 0:\n    n = 20\nv = as_strided(img, shape=(n,), strides=img.strides)\n', 'n'],
    ['if / else', 'if img.sum() > 0:\n    n = 20\nelse:\n    n = 5\nv = as_strided(img, shape=(n,), strides=img.strides)\n', 'n'],
    ['for loop', 'm = 5\nfor i in range(3):\n    m = m + 10\nv = as_strided(img, shape=(m,), strides=img.strides)\n', 'm'],
    ['while loop', 'k = 5\nwhile img.sum() > 0:\n    k = 50\nv = as_strided(img, shape=(k,), strides=img.strides)\n', 'k'],
    ['try', 'k = 5\ntry:\n    k = 50\n    img.sum()\nexcept ValueError:\n    pass\nv = as_strided(img, shape=(k,), strides=img.strides)\n', 'k'],
  ])('%s', (_what, body, name) => {
    const c = call(body);
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.lens).not.toContain('✓');
    expect(c.requires).toEqual([`${name} ≤ 10 (img.shape[0])`]);
  });

  // A size read from a value the code then replaces with one the analysis cannot follow
  // (a call, a branch, a loop) is not the new value's: `fits any x ✓` would be false for a
  // shorter x. The new unknown is `x′`; with nothing read from the old value, x stays x.
  test.each([
    ['a call', 'x = some_unknown(x)'],
    ['a branch', 'if c:\n        x = x[:10]'],
    ['a loop', 'for i in range(3):\n        x = shrink(x)'],
  ])('a size read before x is rebound by %s is not the new x\'s', (_what, rebind) => {
    const text = `${HEAD}def f(x, w, c):\n    n = x.shape[0] - w + 1\n    ${rebind}\n    return as_strided(x, (n, w), (x.strides[0], x.strides[0]))\n`;
    const c = only(analyzePython(text));
    expect(c.lens).not.toContain('✓');
    expect(c.requires).toEqual(['x′.shape[0] ≥ x.shape[0]']);
  });

  test.each([
    ['x = np.asarray(x)\n    n = x.shape[0] - w + 1'],
    ['if c:\n        w = w + 1\n    n = x.shape[0] - w + 1'],
  ])('rebinding before any size is read keeps the name: %s', (body) => {
    const c = only(analyzePython(`${HEAD}def f(x, w, c):\n    ${body}\n    return as_strided(x, (n, w), (x.strides[0], x.strides[0]))\n`));
    expect(c.lens).toContain('fits any x ✓');
  });

  test('branches that agree keep the value', () => {
    const c = call('if img.sum() > 0:\n    n = 5\nelse:\n    n = 5\nv = as_strided(img, shape=(n,), strides=img.strides)\n');
    expect(c.lens).toContain('✓');
  });

  test('a value read inside a loop before it is reassigned is not the one from before the loop', () => {
    const c = call('n = 5\nfor i in range(3):\n    v = as_strided(img, shape=(n,), strides=img.strides)\n    n = n * 4\n');
    expect(c.lens).not.toContain('✓');
  });

  test('a list built by append in a loop is unknown, never empty', () => {
    const c = call('shape = []\nfor i in range(2):\n    shape.append(3)\nv = as_strided(img, shape=tuple(shape), strides=(8, 8))\n');
    expect(c.diagnostics.filter((d) => d.severity !== 'information')).toEqual([]);
    expect(c.shape).toBeNull();
  });

  // A list changed in place is followed (`shape[0] = 30`, `insert`, `append`, `del`; the
  // values are checked against NumPy in the corpus, vec_list_shape.py) only through the name
  // written; any other name that may hold the same list becomes unknown.
  test('a list changed in place through another name is unknown, never the stale list', () => {
    for (const change of ['other[0] = 30', 'other.append(3)', 'del other[0]', 'other.insert(0, 4)', 'other[i] = 30']) {
      const c = call(`shape = [3, 3]\nother = shape\ni = len(img)\n${change}\nv = as_strided(img, shape=tuple(shape), strides=(8, 8))\n`);
      expect(c.diagnostics.filter((d) => d.severity === 'error'), change).toEqual([]);
      expect(c.shape, change).toBeNull();
    }
  });

  test('a list changed at an index the code does not fix, or by a slice, is unknown', () => {
    for (const change of ['shape[int(img[0, 0])] = 30', 'shape[1:] = [30]', 'shape.insert(len(img[img > 0]), 30)']) {
      const c = call(`shape = [3, 3]\n${change}\nv = as_strided(img, shape=tuple(shape), strides=(8, 8))\n`);
      expect(c.shape, change).toBeNull();
    }
  });

  test('an axis the code does not fix is unknown, not an error', () => {
    const a = analyzePython(`${HEAD}def g(x, axis):\n    if axis not in (0, 1):\n        raise ValueError(axis)\n    return sliding_window_view(x, 3, axis=axis)\n`);
    expect(only(a).diagnostics).toEqual([]);
  });
});

describe('call sites: a view built in a function is resolved where the code calls it', () => {
  // The numbers at call sites are checked against NumPy in the corpus (cs_*.py); these check
  // what must stay unknown, and that edits and notebooks keep call sites right.
  const FRAME = `import numpy as np
from numpy.lib.stride_tricks import as_strided
def frame(x, frame_length, hop_length):
    n = 1 + (len(x) - frame_length) // hop_length
    return as_strided(x, shape=(n, frame_length), strides=(hop_length * x.strides[0], x.strides[0]))
`;
  const sites = (a: Analysis) => a.calls.filter((c) => c.via).map((c) => `${c.range.start.line + 1} ${c.lens}`);

  test('the call site carries the view, via the function, with no edits inside the function offered there', () => {
    const a = analyzePython(`${FRAME}f = frame(np.zeros(100), 30, 9)\n`);
    const site = a.calls.find((c) => c.via)!;
    expect(site.via).toBe('frame');
    expect(site.range.start.line).toBe(5);
    expect(site.shape).not.toBeNull();
    expect(site.diagnostics.flatMap((d) => d.fixes)).toEqual([]);
    expect(site.refactorings).toEqual([]);
  });

  test.each([
    ['recursion', 'def g(x, n):\n    return g(x, n - 1)\ng(np.zeros(9), 3)\n'],
    ['**kwargs passed on', 'def g(**kw):\n    return frame(**kw)\ng(x=np.zeros(9), frame_length=3, hop_length=1)\n'],
    ['a missing argument', 'frame(np.zeros(9), 3)\n'],
    ['an unknown keyword', 'frame(np.zeros(9), 3, hop=1)\n'],
    ['an argument the code does not fix', 'def h(sig):\n    return frame(sig, 3, 1)\n'],
    ['a call in a loop', 'for n in range(3, 9):\n    frame(np.zeros(n), 3, 1)\n'],
    ['a generator (its body runs when iterated, not at the call)', 'def g(x):\n    yield frame(x, 3, 1)\ng(np.zeros(9))\n'],
    ['a decorator that may change the call (np.vectorize)', '@np.vectorize\ndef g(x, w):\n    return frame(x, w, 1)\ng(np.zeros(9), 3)\n'],
    ['a view made only in the else branch of an unknown condition', 'def g(x, flag):\n    if flag:\n        y = x\n    else:\n        y = frame(x, 3, 1)\n    return y\ng(np.zeros(9), np.random.rand() > 0.5)\n'],
    ['a view made only on one branch', 'def g(x, flag):\n    if flag:\n        return frame(x, 3, 1)\n    return x\ng(np.zeros(9), np.random.rand() > 0.5)\n'],
    ['a view made after a guard that raises for these arguments', 'def g(x, w):\n    if w > len(x):\n        raise ValueError(w)\n    return frame(x, w, 1)\ng(np.zeros(9), 10)\n'],
  ])('%s: no call-site view', (_what, code) => {
    expect(sites(analyzePython(`${FRAME}${code}`))).toEqual([]);
  });

  test('a decorator known to keep the call (functools.lru_cache) still resolves at the call site', () => {
    const a = analyzePython(`${FRAME}import functools\n@functools.lru_cache(maxsize=None)\ndef g(n):\n    return frame(np.zeros(n), 3, 1)\ng(9)\n`);
    expect(a.calls.filter((c) => c.via).map((c) => c.via)).toEqual(['g → frame']);
  });

  test('*args binds the extra positionals as a tuple, passed on with *', () => {
    const a = analyzePython(`${FRAME}def g(*xs):\n    return frame(*xs)\ng(np.zeros(9), 3, 1)\n`);
    expect(a.calls.filter((c) => c.via).map((c) => c.via)).toEqual(['g → frame']);
  });

  test('nested calls name the chain; a guard known to pass does not hide the view', () => {
    const a = analyzePython(`${FRAME}def g(x, w):\n    if w > len(x):\n        raise ValueError(w)\n    return frame(x, w, 1)\ng(np.zeros(9), 4)\n`);
    expect(a.calls.filter((c) => c.via).map((c) => c.via)).toEqual(['g → frame']);
  });

  test('a deep chain of calls stays within the work budget and ends', () => {
    const chain = Array.from({ length: 12 }, (_, i) => `def f${i + 1}(x):\n    return f${i}(x) if x is None else (f${i}(x), f${i}(x))\n`).join('');
    const a = analyzePython(`${FRAME}def f0(x):\n    return frame(x, 3, 1)\n${chain}f12(np.zeros(9))\n`);
    expect(a.internalError).toBeUndefined();
  });

  test('editing the function re-resolves its call sites (incremental equals fresh)', () => {
    const text = `${FRAME}f = frame(np.zeros(100), 30, 9)\n`;
    const first = analyzePython(text);
    for (const edited of [text.replace('1 + (len(x)', '2 + (len(x)'), text.replace('30, 9', '30, 7'), `# moved\n${text}`]) {
      expect(sites(analyzePython(edited, {}, first))).toEqual(sites(analyzePython(edited)));
    }
  });

  test('a function defined in one notebook cell is resolved at its call in another', () => {
    const a = analyzeNotebook([FRAME, 'sig = np.zeros(100)', 'frames = frame(sig, 30, 9)']);
    const site = a.calls.find((c) => c.via)!;
    expect(site.range.unit).toBe(2);
    expect(site.source).toBe('sig');
  });
});

describe('products of symbols', () => {
  test('hop * x.strides[0] is one symbolic stride, the same in either order; x.strides[-1] names the last axis', () => {
    const c = only(analyzePython('import numpy as np\ndef f(x, hop, w):\n    a = hop * x.strides[-1]\n    b = x.strides[-1] * hop\n    return np.lib.stride_tricks.as_strided(x, (3, w), (a - b + hop * x.strides[-1], x.strides[-1]))\n'));
    expect(c.stridesText).toEqual(['hop * x.strides[-1]', 'x.strides[-1]']);
    expect(c.inBounds).toBeNull();
    expect(c.lens).not.toMatch(/✓|fits any/);
  });

  test('an item of a repeated tuple of unknown length is unknown (x.strides * 2)[1] depends on ndim', () => {
    const c = only(analyzePython('import numpy as np\ndef f(x):\n    s = x.strides * 2\n    return np.lib.stride_tricks.as_strided(x, (3, 3), (s[1], s[1]))\n'));
    expect(c.stridesText).toBeNull();
  });
});

describe('SL003 only where a write can reach the overlapping view', () => {
  const VIEW = `${PRELUDE}from numpy.lib.stride_tricks import as_strided\n`;
  const codes = (code: string) => analyzePython(`${VIEW}${code}`).calls.flatMap((c) => c.diagnostics.map((d) => d.code));
  test.each([
    ['an item assignment', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nw[0, 0] = 1\n'],
    ['a slice assignment of an item', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nw[0][1:] = 0\n'],
    ['an augmented assignment', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nw += 1\n'],
    ['out=', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nnp.multiply(w, 2, out=w)\n'],
    ['an in-place method', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nw.fill(0)\n'],
    ['np.copyto', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nnp.copyto(w, 0)\n'],
    ['a return from a public function', 'def patches(a):\n    return as_strided(a, (26, 26, 3, 3), a.strides * 2)\n'],
    ['a name returned from a public function', 'def patches(a):\n    w = as_strided(a, (26, 26, 3, 3), a.strides * 2)\n    return w\n'],
    ['writeable=True', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2, writeable=True)\n'],
  ])('%s: SL003', (_what, code) => {
    expect(codes(code)).toContain('SL003');
  });
  test.each([
    ['only read', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nm = w.mean(axis=(2, 3))\n'],
    ['returned from a private function', 'def _patches(a):\n    return as_strided(a, (26, 26, 3, 3), a.strides * 2)\n'],
    ['written after the name is rebound to a copy', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nw = w.copy()\nw[0, 0] = 1\n'],
    ['another array written', 'w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nout = np.zeros(3)\nout[0] = w.sum()\n'],
  ])('%s: no SL003', (_what, code) => {
    expect(codes(code)).not.toContain('SL003');
  });
  test('a write added after the call, in another statement, brings SL003 on re-analysis; removing it takes it away', () => {
    const read = `${VIEW}w = as_strided(image, (26, 26, 3, 3), image.strides * 2)\nm = w.mean()\n`;
    const write = read.replace('m = w.mean()', 'w[0] = 0');
    const first = analyzePython(read);
    const second = analyzePython(write, {}, first);
    expect(second.calls.flatMap((c) => c.diagnostics.map((d) => d.code))).toContain('SL003');
    expect(analyzePython(read, {}, second).calls.flatMap((c) => c.diagnostics.map((d) => d.code))).not.toContain('SL003');
  });
});

describe('instances: attributes set by __init__ are known at method calls', () => {
  const CLS = `import numpy as np
from numpy.lib.stride_tricks import as_strided
class Framer:
    def __init__(self, n, win=4):
        self.signal = np.zeros(n)
        self.win = win
    def frames(self):
        s = self.signal.strides[0]
        return as_strided(self.signal, (len(self.signal) - self.win + 1, self.win), (s, s), writeable=False)
`;
  const vias = (code: string) => analyzePython(`${CLS}${code}`).calls.filter((c) => c.via).map((c) => c.via);

  test('a method called on an instance resolves with the attributes __init__ set', () => {
    expect(vias('f = Framer(10)\nw = f.frames()\n')).toEqual(['frames']);
  });

  test('an attribute assigned on the instance after construction makes it unknown', () => {
    expect(vias('f = Framer(10)\nf.win = 12\nw = f.frames()\n')).toEqual([]);
  });

  test('an attribute any other method assigns is unknown on every instance', () => {
    const code = CLS.replace('    def frames(self):', '    def grow(self):\n        self.win = 100\n    def frames(self):') + 'f = Framer(10)\nw = f.frames()\n';
    expect(analyzePython(code).calls.filter((c) => c.via)).toEqual([]);
  });

  test('an attribute __init__ sets on one branch only is unknown', () => {
    const code = CLS.replace('        self.win = win', '        if n > np.random.rand():\n            self.win = win') + 'f = Framer(10)\nw = f.frames()\n';
    expect(analyzePython(code).calls.filter((c) => c.via)).toEqual([]);
  });

  test('a class with a base, or whose __init__ hands self to other code, gives unknown instances', () => {
    for (const code of [CLS.replace('class Framer:', 'class Framer(Base):'), CLS.replace('        self.win = win', '        self.win = win\n        setup(self)')]) {
      expect(analyzePython(`class Base:\n    pass\n${code}f = Framer(10)\nw = f.frames()\n`).calls.filter((c) => c.via)).toEqual([]);
    }
  });
});

describe('hover on a name: what the analysis believes it holds', () => {
  test('arrays and integers where the code binds and uses them; nothing for what it does not know', () => {
    const text = 'import numpy as np\nimage = np.zeros((28, 28), dtype=np.float32)\nk = 3\nn = image.shape[0] - k + 1\ndef f(x):\n    return x\n';
    const a = analyzePython(`${text}v = np.lib.stride_tricks.as_strided(image, (n, n, k, k), image.strides * 2)\n`);
    const at = (line: number, col: number) => nameAt(a, 0, a.names.find((x) => x.range.start.line === line && x.range.start.col === col)?.range.from ?? -1);
    // The same numbers as the call's own view of image and its window count (those are checked
    // against NumPy in the corpus).
    const call = a.calls[0]!;
    expect(at(1, 0)?.text).toBe(`float32 array, shape (28, 28), strides (${call.sourceLayout!.strides.join(', ')}) B, C-contiguous, ${call.buffer!.size} B`);
    expect(at(3, 0)?.text).toBe(`= ${call.shape![0]}`);
    expect(a.names.some((x) => x.name === 'x')).toBe(false);
    expect(analyzePython(text, { oneShot: true }).names).toEqual([]);
  });
});
