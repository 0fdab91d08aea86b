/**
 * The Layout Playground's model: the seed's byte-offset calculator as plain functions. Turns
 * what the user typed (dtype, shape, strides, offset, buffer; in NumPy's bytes or PyTorch's
 * elements) into a layout report and the NumPy and PyTorch code that builds the same view
 * (PyTorch's only when torch can express it, else the reason it cannot).
 */
import type { CalculatorInputs } from '../protocol';
import { dtypeToString, parseDtype, type Dtype } from './dtype';
import { cStrides, elementCount } from './layout';
import { formatTuple, parseInteger, parseIntTuple } from './parse';
import { analyzeLayout, type LayoutReport, type Result } from './report';

export interface Preset {
  readonly name: string;
  readonly label: string;
  readonly inputs: CalculatorInputs;
}

/** The seed's canonical cases (inputs, not answers: the engine computes those). */
export const PRESETS: readonly Preset[] = [
  {
    name: 'im2col',
    label: 'im2col: 3×3 patches of a 28×28 float32 image',
    inputs: { dtype: 'float32', shape: '26, 26, 3, 3', strides: '112, 4, 112, 4', offset: '0', buffer: '28, 28', unit: 'bytes' },
  },
  {
    name: 'maxpool',
    label: 'max-pool: 2×2 windows, stride 2, over 32 channels of 26×26',
    inputs: { dtype: 'float32', shape: '32, 13, 13, 2, 2', strides: '2704, 208, 8, 104, 4', offset: '0', buffer: '32, 26, 26', unit: 'bytes' },
  },
  {
    name: 'maxpool2d',
    label: 'max-pool: 2×2 windows, stride 2, over one 26×26 feature map',
    inputs: { dtype: 'float32', shape: '13, 13, 2, 2', strides: '208, 8, 104, 4', offset: '0', buffer: '26, 26', unit: 'bytes' },
  },
  {
    name: 'transpose',
    label: 'transpose: a 28×28 float32 image with its strides swapped',
    inputs: { dtype: 'float32', shape: '28, 28', strides: '4, 112', offset: '0', buffer: '28, 28', unit: 'bytes' },
  },
  {
    name: 'rolling',
    label: 'rolling window: windows of 5 over a 1-d signal of 100 float64',
    inputs: { dtype: 'float64', shape: '96, 5', strides: '8, 8', offset: '0', buffer: '800', unit: 'bytes' },
  },
  {
    name: 'blocks',
    label: 'blocks: 4×4 blocks of an 8×8 float32 image (grid first)',
    inputs: { dtype: 'float32', shape: '2, 2, 4, 4', strides: '128, 16, 32, 4', offset: '0', buffer: '8, 8', unit: 'bytes' },
  },
  {
    name: 'blocks-interleaved',
    label: 'blocks: 4×4 blocks of an 8×8 float32 image (interleaved, block_view_of reorder=False)',
    inputs: { dtype: 'float32', shape: '2, 4, 2, 4', strides: '128, 32, 16, 4', offset: '0', buffer: '8, 8', unit: 'bytes' },
  },
  {
    name: 'blocks-merged',
    label: 'blocks: 2×8 row blocks of an 8×8 float32 image, each merged into one axis of 16',
    inputs: { dtype: 'float32', shape: '4, 16', strides: '64, 4', offset: '0', buffer: '8, 8', unit: 'bytes' },
  },
  {
    name: 'torch-offset',
    label: 'torch: a 2×4 window at storage_offset 7 of a 4×6 float32 tensor (element strides)',
    inputs: { dtype: 'float32', shape: '2, 4', strides: '6, 1', offset: '7', buffer: '4, 6', unit: 'elements' },
  },
  {
    name: 'toeplitz',
    label: 'Toeplitz: a 4×4 matrix from 7 float64 values, negative row stride',
    inputs: { dtype: 'float64', shape: '4, 4', strides: '-8, 8', offset: '24', buffer: '56', unit: 'bytes' },
  },
  {
    name: 'broadcast',
    label: 'broadcast: one row of 28 float32 repeated 5 times (stride 0)',
    inputs: { dtype: 'float32', shape: '5, 28', strides: '0, 4', offset: '0', buffer: '112', unit: 'bytes' },
  },
  {
    name: 'oob',
    label: 'mistake: shape (100, 100, 3, 3) over the 28×28 image',
    inputs: { dtype: 'float32', shape: '100, 100, 3, 3', strides: '112, 4, 112, 4', offset: '0', buffer: '28, 28', unit: 'bytes' },
  },
];

export interface CalculatorResult {
  readonly dtype: Dtype;
  readonly unit: 'bytes' | 'elements';
  /** The base array's shape when the buffer was given as one. */
  readonly baseShape: number[] | null;
  readonly report: LayoutReport;
  /** NumPy code that builds the view (`view`) over a zeroed buffer. */
  readonly numpy: string;
  /** PyTorch code that builds it, or why `torch.as_strided` cannot. */
  readonly torch: { readonly code: string } | { readonly unavailable: string };
}

/**
 * A dtype as the playground's field takes it: a simple type string (`<f4`, `|u1`) as it is; a
 * structured or sub-array type as raw bytes of its itemsize (`V12`), which is all a layout needs.
 */
export function playgroundDtype(str: string, itemsize: number): string {
  return /^[<>|=]?[a-zA-Z]\d*$/.test(str) ? str : `V${itemsize}`;
}

/** Evaluate the calculator's inputs; an error names the field and the bad value. */
export function evaluateCalculator(inputs: CalculatorInputs): Result<CalculatorResult> {
  const dtype = parseDtype(inputs.dtype.trim());
  if (!dtype.ok) return { ok: false, error: `dtype: ${dtype.error}` };
  const itemsize = dtype.value.itemsize;
  const shape = parseIntTuple(inputs.shape, 'shape');
  if (!shape.ok) return shape;
  const strides = parseIntTuple(inputs.strides, 'strides');
  if (!strides.ok) return strides;
  const offset = inputs.offset.trim() === '' ? { ok: true as const, value: 0 } : parseInteger(inputs.offset, 'offset');
  if (!offset.ok) return offset;
  const scale = inputs.unit === 'elements' ? itemsize : 1;

  let nbytes: bigint | undefined;
  let baseShape: number[] | null = null;
  const buffer = inputs.buffer.trim();
  if (/^\d+$/.test(buffer)) {
    const n = parseInteger(buffer, 'buffer');
    if (!n.ok) return n;
    nbytes = BigInt(n.value);
  } else if (buffer !== '') {
    const base = parseIntTuple(buffer, 'buffer shape');
    if (!base.ok) return base;
    const bad = base.value.findIndex((n) => n < 0);
    if (bad >= 0) return { ok: false, error: `buffer shape: ${base.value[bad]} at position ${bad + 1} is negative` };
    baseShape = base.value;
    nbytes = elementCount({ shape: base.value }) * BigInt(itemsize);
  }

  const report = analyzeLayout({
    shape: shape.value,
    strides: strides.value.map((s) => s * scale),
    offset: offset.value * scale,
    itemsize,
    ...(nbytes === undefined ? {} : { nbytes }),
    // A base shape is a C-ordered array: the view's strides are then explained in its axes.
    ...(baseShape ? { source: { name: 'base', shape: baseShape, strides: cStrides(baseShape, itemsize), itemsize } } : {}),
  });
  if (!report.ok) return report;
  return {
    ok: true,
    value: { dtype: dtype.value, unit: inputs.unit, baseShape, report: report.value, numpy: numpySnippet(dtype.value, baseShape, report.value), torch: torchSnippet(dtype.value, baseShape, report.value) },
  };
}

function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const TORCH_DTYPES: Record<string, string> = {
  b1: 'bool', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64', u1: 'uint8',
  f2: 'float16', f4: 'float32', f8: 'float64', c8: 'complex64', c16: 'complex128',
};

const OUTSIDE = '  # reads outside the buffer: undefined memory, may crash';

function numpySnippet(dtype: Dtype, baseShape: number[] | null, r: LayoutReport): string {
  const { shape, strides, offset } = r.layout;
  const warn = r.inBounds === false ? OUTSIDE : '';
  const npDtype = `np.dtype(${pyString(dtypeToString(dtype))})`;
  if (baseShape && offset === 0) {
    return [
      'import numpy as np',
      'from numpy.lib.stride_tricks import as_strided',
      '',
      `base = np.zeros(${formatTuple(baseShape)}, dtype=${npDtype})`,
      `view = as_strided(base, shape=${formatTuple(shape)}, strides=${formatTuple(strides)})${warn}`,
      '',
    ].join('\n');
  }
  // With an offset or a raw byte count, np.ndarray over a byte buffer says it exactly (and
  // raises "buffer is too small" where as_strided would read out of bounds).
  const nbytes = r.nbytes ?? (r.extent.high > 0n ? r.extent.high : 0n);
  return [
    'import numpy as np',
    '',
    `buffer = np.zeros(${nbytes}, dtype=np.uint8)`,
    `view = np.ndarray(shape=${formatTuple(shape)}, dtype=${npDtype}, buffer=buffer, offset=${offset}, strides=${formatTuple(strides)})${warn}`,
    '',
  ].join('\n');
}

/** `torch.as_strided` counts in elements of a storage of one dtype, and refuses negative strides. */
function torchSnippet(dtype: Dtype, baseShape: number[] | null, r: LayoutReport): CalculatorResult['torch'] {
  const { shape, strides, offset, itemsize } = r.layout;
  const torchDtype = TORCH_DTYPES[`${dtype.kind}${itemsize}`];
  if (!torchDtype) return { unavailable: `torch has no dtype for ${dtypeToString(dtype)}` };
  const k = strides.findIndex((s) => s % itemsize !== 0);
  if (k >= 0) return { unavailable: `stride ${strides[k]} B on dim ${k} is not a whole number of ${itemsize}-byte elements` };
  if (offset % itemsize !== 0) return { unavailable: `offset ${offset} B is not a whole number of ${itemsize}-byte elements` };
  if (offset < 0) return { unavailable: `offset ${offset} B is before the storage` };
  const n = strides.findIndex((s) => s < 0);
  if (n >= 0) return { unavailable: `torch.as_strided refuses negative strides (dim ${n}: ${strides[n]! / itemsize} elements); torch.flip copies instead` };
  const base = baseShape ? formatTuple(baseShape) : `(${(r.nbytes ?? (r.extent.high > 0n ? r.extent.high : 0n)) / BigInt(itemsize)},)`;
  const warn = r.inBounds === false ? '  # torch raises: out of bounds for storage' : '';
  return {
    code: [
      'import torch',
      '',
      `base = torch.zeros(${base}, dtype=torch.${torchDtype})`,
      `view = torch.as_strided(base, size=${formatTuple(shape)}, stride=${formatTuple(strides.map((s) => s / itemsize + 0))}, storage_offset=${offset / itemsize + 0})${warn}`,
      '',
    ].join('\n'),
  };
}
