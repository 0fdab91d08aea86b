/** The diagnostic codes of the Python analysis: stable ids, default severities and their docs. */

export type Severity = 'error' | 'warning' | 'information';

export type Code = 'SL001' | 'SL002' | 'SL003' | 'SL004' | 'SL005' | 'SL006' | 'SL007' | 'SL008';

export interface CodeInfo {
  readonly code: Code;
  readonly severity: Severity;
  readonly title: string;
  /** One paragraph for the README and the docs link. */
  readonly doc: string;
}

export const CODES: Readonly<Record<Code, CodeInfo>> = {
  SL001: {
    code: 'SL001', severity: 'error', title: 'view reads out of bounds',
    doc: 'The view reaches bytes outside the buffer of its source array: some index reads memory past the end (or before the start) of the allocation. NumPy\'s `as_strided` does not check this and returns garbage or crashes; `torch.as_strided` raises. Usually the window count is one formula off: a convolution window of size k over n pixels gives n − k + 1 positions, a pool of size k with step k gives n // k. For an array the code does not describe (a parameter), SL001 is reported when the view leaves the array for every size that gives the view elements, the array laid out as NumPy makes new arrays (C order: past the end of its first axis is past its end); for other layouts (a transposed or broadcast array) the call sites say what happens. Verdicts at a definition (`fits any`, `needs …`) are for arrays with elements.',
  },
  SL002: {
    code: 'SL002', severity: 'warning', title: 'window wraps into the next row',
    doc: 'Every byte the view reads lies inside the buffer, but some window runs past the last index of one of the source\'s axes and so continues in the next row (or the next plane): the view mixes pixels from different rows. This is almost always a wrong window count or a stride taken from the wrong axis. The view is legal memory, so nothing crashes — the results are silently wrong.',
  },
  SL003: {
    code: 'SL003', severity: 'warning', title: 'overlapping windows on a writeable view',
    doc: 'Different indices of the view share bytes (sliding windows, stride-0 broadcasting), the view is writeable, and the code lets writes reach it: an item or slice assignment (`w[0] = …`), an augmented assignment, `out=w`, an in-place method (`w.fill(0)`), `np.copyto(w, …)`, a return from a public function (its callers may write), or `writeable=True`. Writing through it changes several elements at once, and in-place operations give results that depend on the order NumPy visits elements. A view the code only reads is not reported. Pass `writeable=False` (`sliding_window_view` is read-only by default) or copy before writing.',
  },
  SL004: {
    code: 'SL004', severity: 'error', title: 'shape and strides have different lengths',
    doc: 'A strided view needs one stride per dimension. `as_strided` raises `ValueError: mismatch in length of strides and shape` and `torch.as_strided` raises `RuntimeError: mismatch in length of sizes and strides`.',
  },
  SL005: {
    code: 'SL005', severity: 'warning', title: 'stride not a multiple of the itemsize',
    doc: 'A NumPy stride is a byte count; a stride that is not a multiple of the element size makes elements start in the middle of other elements and reinterprets their bytes. This is legal but almost never intended: a stride written in elements instead of bytes, or an itemsize taken from another dtype. Derive strides from `x.strides` or multiply by `x.itemsize`.',
  },
  SL006: {
    code: 'SL006', severity: 'information', title: 'hard-coded byte strides',
    doc: 'The strides are written as numbers although the source array\'s own `.strides` give the same values. Hard-coded byte strides break silently when the dtype, the shape or the memory order of the source changes; `x.strides[k]` (times a step) states the intent and stays right. The quick fix rewrites them.',
  },
  SL007: {
    code: 'SL007', severity: 'warning', title: 'torch strides look like bytes',
    doc: 'PyTorch counts `stride` and `storage_offset` in elements, not bytes as NumPy does. These strides are all multiples of the element size and only fit the tensor\'s storage once divided by it: they look like NumPy byte strides copied over. Use `t.stride()` or divide by `t.element_size()`.',
  },
  SL008: {
    code: 'SL008', severity: 'error', title: 'call raises',
    doc: 'The arguments make the call raise before any view exists: a window larger than the array in `sliding_window_view`, a negative dimension, an axis out of range, a shape, stride or offset that does not fit a 64-bit integer, a NumPy view of more than 2^63 − 1 bytes, a negative stride or an overflowing storage size in `torch.as_strided`, a shape `np.broadcast_to` cannot reach, a window longer than its axis (or a step below 1) in `tensor.unfold`, a kernel larger than the padded input (no block fits), a kernel, dilation or stride below 1 or a negative padding in `F.unfold`, an `np.ndarray(buffer=…)` view that does not fit in its buffer (or a buffer that is not contiguous), or a NumPy function applied to a torch tensor. The message quotes the bad value, and the lens says the call raises.',
  },
};

/** Severity overrides per code (from settings); `off` drops the diagnostic. */
export type SeverityOverrides = Partial<Record<Code, Severity | 'off'>>;

/** The codes as a Markdown section for the README: one heading and paragraph per code. */
export function codesMarkdown(): string {
  return Object.values(CODES)
    .map((c) => `### ${c.code} — ${c.title} (${c.severity})\n\n${c.doc}\n`)
    .join('\n');
}
