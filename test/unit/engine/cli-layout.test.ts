import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runLayout } from '../../../src/cli/layout';
import { loadFixture } from '../fixtures';

interface LayoutCase {
  shape: number[]; strides: number[]; offset: number; itemsize: number; nbytes: number; size: number;
  cContiguous: boolean; fContiguous: boolean; extent?: [number, number]; firstOutOfBoundsIndex: number[] | null;
}
interface OverlapCase { shape: number[]; strides: number[]; offset: number; itemsize: number; verdicts: (boolean | string)[] }
const layoutFx = loadFixture<{ cases: LayoutCase[]; big: { shape: number[]; strides: number[]; offset: number; itemsize: number; size: string; extent: [string, string] }[] }>('engine_layout.json');
const layouts = layoutFx.cases;
const torchCases = loadFixture<{ cases: { itemsize: number; view?: { size: number[]; stride: number[]; storageOffset: number }; bytes?: { strides: number[]; offset: number } }[] }>('engine_torch.json').cases;
const overlaps = loadFixture<{ internal: OverlapCase[] }>('engine_overlap.json').internal;

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runLayout(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}
const argsOf = (c: { shape: number[]; strides: number[]; offset: number; itemsize: number }) =>
  ['--itemsize', String(c.itemsize), `--shape=${c.shape.join(',')}`, `--strides=${c.strides.join(',')}`, '--offset', String(c.offset)];

const KEYS = ['unit', 'size', 'extent', 'inBounds', 'bytesPastEnd', 'firstOutOfBoundsIndex', 'cContiguous', 'fContiguous', 'internalOverlap', 'overlapWitness', 'dims'];

describe('stride-lens layout', () => {
  it('--json gives NumPy’s answers with exactly the documented keys', () => {
    for (const c of layouts.filter((x) => x.offset >= 0).slice(0, 400)) {
      const r = cli([...argsOf(c), '--nbytes', String(c.nbytes), '--json']);
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j)).toEqual(KEYS);
      expect(j.size).toBe(c.size);
      if (c.extent) expect([j.extent.low, j.extent.high]).toEqual(c.extent);
      expect(j.inBounds).toBe(c.firstOutOfBoundsIndex === null);
      expect(j.firstOutOfBoundsIndex).toEqual(c.firstOutOfBoundsIndex);
      expect([j.cContiguous, j.fContiguous]).toEqual([c.cContiguous, c.fContiguous]);
      expect(j.dims.map((d: { size: number; stride: number }) => [d.size, d.stride])).toEqual(c.shape.map((n, k) => [n, c.strides[k]]));
      expect(Object.keys(j.dims[0] ?? { size: 0, stride: 0, strideInElements: 0, explanation: '' })).toEqual(['size', 'stride', 'strideInElements', 'explanation']);
    }
  });

  it('--json stays exact past 2^53 (decimal strings where a number would round)', () => {
    for (const c of layoutFx.big) {
      const j = JSON.parse(cli([...argsOf(c), '--json']).out);
      expect(String(j.size)).toBe(c.size);
      expect([String(j.extent.low), String(j.extent.high)]).toEqual(c.extent);
      if (BigInt(c.size) > BigInt(Number.MAX_SAFE_INTEGER)) expect(typeof j.size).toBe('string');
    }
  });

  it('--json internalOverlap equals NumPy’s exact internal overlap', () => {
    for (const c of overlaps.slice(0, 300)) {
      const j = JSON.parse(cli([...argsOf(c), '--json', '--max-work', 'exact']).out);
      expect(j.internalOverlap, JSON.stringify(c)).toBe(c.verdicts[0]);
      expect(j.overlapWitness === null).toBe(j.internalOverlap !== true);
    }
  });

  it('--torch takes elements and says so', () => {
    const r = cli(['--dtype', 'float32', '--shape', '2,2', '--strides', '-1,1', '--base-shape', '4', '--torch']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('units: elements, PyTorch');
    expect(r.out).toContain('torch.as_strided would raise: as_strided: Negative strides are not supported at the moment, got strides: [-1, 1]');
    // torch's own views (elements) and what NumPy sees of them through .numpy() (bytes) give one analysis.
    for (const c of torchCases.filter((x) => x.bytes).slice(0, 200)) {
      const v = c.view!;
      const inElements = JSON.parse(cli(['--itemsize', String(c.itemsize), `--shape=${v.size.join(',')}`, `--strides=${v.stride.join(',')}`, '--offset', String(v.storageOffset), '--torch', '--json']).out);
      const inBytes = JSON.parse(cli(['--itemsize', String(c.itemsize), `--shape=${v.size.join(',')}`, `--strides=${c.bytes!.strides.join(',')}`, '--offset', String(c.bytes!.offset), '--json']).out);
      expect(inElements.unit).toBe('elements');
      expect(inElements.dims.map((d: { stride: number }) => d.stride)).toEqual(v.stride);
      expect({ ...inElements, unit: 'bytes', dims: null }).toEqual({ ...inBytes, dims: null });
    }
  });

  it('bad input exits 2 and names the bad value', () => {
    const cases: [string[], string][] = [
      [['--itemsize', '4', '--shape', '2,x', '--strides', '4,4'], "'x'"],
      [['--itemsize', '0', '--shape', '2', '--strides', '4'], '--itemsize 0'],
      [['--dtype', 'float33', '--shape', '2', '--strides', '4'], 'float33'],
      [['--itemsize', '4', '--shape', '2,2', '--strides', '4'], 'strides (4)'],
      [['--itemsize', '4', '--shape', '2', '--strides', '4', '--nbytes', '-3'], "'-3'"],
      [['--itemsize', '4', '--shape', '2', '--strides', '4', '--max-work', 'lots'], "'lots'"],
      [['--itemsize', '4', '--shape', '-2', '--strides', '4'], '-2'],
      [['--itemsize', '4', '--shape', '2', '--strides', '4', '--bogus'], '--bogus'],
      [['--itemsize', '4', '--shape', '2', '--strides', '6', '--torch', '--offset', '99999999999999999'], '99999999999999999'],
    ];
    for (const [args, named] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(named);
    }
  });

  it('the built CLI prints the same JSON as NumPy for a fixture case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stride-lens-cli-'));
    const outfile = join(dir, 'cli.js');
    // Same options as the CLI target of esbuild.mjs.
    await build({ entryPoints: ['src/cli/main.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent' });
    const c = layouts.find((x) => x.firstOutOfBoundsIndex !== null && x.extent && x.shape.length >= 2)!;
    const r = spawnSync(process.execPath, [outfile, 'layout', ...argsOf(c), '--nbytes', String(c.nbytes), '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.extent.low, j.extent.high]).toEqual(c.extent);
    expect(j.firstOutOfBoundsIndex).toEqual(c.firstOutOfBoundsIndex);
    const bad = spawnSync(process.execPath, [outfile, 'layout', '--itemsize', '4', '--shape', '2', '--strides', 'q'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("'q'");
  });
});
