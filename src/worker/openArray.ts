/**
 * Opening the array a viewer shows from a byte source: a `.npy` file, or one member of an
 * `.npz` (told apart by the zip signature, not the file name). Pure; used by the host's
 * viewer session and by the worker's jobs.
 */
import type { Result } from '../engine/report';
import { openNpy, type NpyArray } from '../npy/npy';
import type { ByteSource } from '../npy/source';
import { openNpzMember, type ZipMember } from '../npy/zip';

/** Whether the bytes start like a zip archive (`PK\x03\x04`, or an empty archive's `PK\x05\x06`). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

/** Open member `m` of the archive `src` (named `file`) as an array. */
export async function openMember(src: ByteSource, file: string, m: ZipMember): Promise<Result<NpyArray>> {
  const s = await openNpzMember(src, m, { name: file });
  if (!s.ok) return s;
  return openNpy(s.value, { name: `${file}/${m.name}` });
}
