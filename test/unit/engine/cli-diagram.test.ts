// `stride-lens diagram`: the JSON model and the SVG pictures against NumPy's and PyTorch's
// enumeration of the bytes each view reads (scripts/fixtures/engine_coverage.py).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiagram } from '../../../src/cli/diagram';
import { loadFixture } from '../fixtures';

interface Case {
  shape: number[]; strides: number[]; offset: number; itemsize: number; buffer: number; unit: 'bytes' | 'elements';
  range: [number, number]; segments: [number, number, number][]; baseShape?: number[]; baseReaders?: number[];
}
const { cases } = loadFixture<{ cases: Case[] }>('engine_coverage.json');
const dir = mkdtempSync(join(tmpdir(), 'sl-diagram-'));

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runDiagram(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function viewArgs(c: Case): string[] {
  const torch = c.unit === 'elements';
  return [
    '--itemsize', torch ? '4' : String(c.itemsize), `--shape=${c.shape.join(',')}`, `--strides=${c.strides.join(',')}`, `--offset=${c.offset}`,
    ...(c.baseShape ? ['--base-shape', c.baseShape.join(',')] : ['--nbytes', String(torch ? c.buffer * 4 : c.buffer)]),
    ...(torch ? ['--torch'] : []),
  ];
}

const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x as number]);

describe('stride-lens diagram --json', () => {
  it('prints exactly unit, buffer, range and segments, as NumPy and PyTorch count them', () => {
    for (const c of cases.filter((x) => !x.baseShape)) {
      const r = run([...viewArgs(c), '--json']);
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j)).toEqual(['unit', 'buffer', 'range', 'segments']);
      expect(j.unit).toBe(c.unit);
      expect(j.buffer).toEqual({ low: 0, high: c.buffer });
      expect(j.range).toEqual({ low: c.range[0], high: c.range[1] });
      expect(j.segments.map((s: { low: number; high: number; readers: number }) => [s.low, s.high, s.readers])).toEqual(c.segments);
    }
  });

  it('with --base-shape adds baseReaders, nested in the base shape', () => {
    for (const c of cases.filter((x) => x.baseShape)) {
      const j = JSON.parse(run([...viewArgs(c), '--json']).out);
      expect(Object.keys(j)).toEqual(['unit', 'buffer', 'range', 'segments', 'baseReaders']);
      expect(j.baseReaders).toHaveLength(c.baseShape![0]!);
      expect(j.baseReaders[0]).toHaveLength(c.baseShape![1]!);
      expect(flat(j.baseReaders)).toEqual(c.baseReaders);
    }
  });

  it('names bad usage', () => {
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--json']).err).toContain('a diagram needs the buffer');
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--nbytes', '12']).err).toContain('give --json or --svg FILE');
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--nbytes', '12', '--json', '--patches']).err).toContain('--patches draws an SVG');
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--nbytes', '12', '--svg']).err).toContain('--svg needs a FILE');
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--nbytes', '12', '--svg', join(dir, 'x.svg'), '--patches']).err).toContain('--patches needs a 4-d window view');
    expect(run(['--itemsize', '4', '--shape', '3', '--strides', '4', '--nbytes', '12', '--json']).code).toBe(0);
  });
});

/** Attributes of every element with `class="name"` in an SVG text. */
function classed(svg: string, name: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<rect [^>]*class="${name}"[^>]*>`, 'g'))].map((m) => Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

describe('stride-lens diagram --svg', () => {
  it('hatches exactly the out-of-bounds bytes, past the end and before the start', () => {
    let past = 0;
    let before = 0;
    for (const c of cases.filter((x) => x.unit === 'bytes' && !x.baseShape)) {
      const file = join(dir, 'd.svg');
      const r = run([...viewArgs(c), '--svg', file]);
      expect(r.code, r.err).toBe(0);
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      const oob = classed(svg, 'oob').map((a) => [Number(a['data-low']), Number(a['data-high'])]);
      const expected: number[][] = [];
      if (c.range[0] < 0) { expected.push([c.range[0], 0]); before++; }
      if (c.range[1] > c.buffer) { expected.push([c.buffer, c.range[1]]); past++; }
      expect(oob, JSON.stringify(c)).toEqual(expected);
      expect(classed(svg, 'buffer')[0]).toMatchObject({ 'data-low': '0', 'data-high': String(c.buffer) });
    }
    expect(past).toBeGreaterThan(20);
    expect(before).toBeGreaterThan(20);
  });

  it('the patch grid shades each pixel by the windows NumPy counts, and outlines window (0, 0)', () => {
    for (const c of cases.filter((x) => x.baseShape)) {
      const file = join(dir, 'p.svg');
      expect(run([...viewArgs(c), '--svg', file, '--patches']).code).toBe(0);
      const svg = readFileSync(file, 'utf8');
      const pixels = [...svg.matchAll(/data-pixel="(\d+),(\d+)" data-readers="(\d+)"/g)].map((m) => Number(m[3]));
      expect(pixels).toEqual(c.baseReaders);
      const first = [...svg.matchAll(/data-window="0,0"/g)].length;
      expect(first).toBe(c.shape[2]! * c.shape[3]!);
    }
  });

  it('escapes what it is given and holds no script', () => {
    const file = join(dir, 'e.svg');
    run(['--itemsize', '4', '--shape', '2,2', '--strides', '8,4', '--nbytes', '16', '--svg', file]);
    const svg = readFileSync(file, 'utf8');
    expect(svg).not.toMatch(/<script|javascript:|href="http/);
  });
});
