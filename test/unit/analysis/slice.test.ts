// The statement slice: which top-level statements the analysis parses and interprets.
import { describe, expect, test } from 'vitest';
import { relevantChunks, splitStatements } from '../../../src/analysis/slice';

function kept(text: string): string[] {
  const chunks = splitStatements(text);
  const keep = relevantChunks([chunks], [text])[0]!;
  return chunks.filter((_, i) => keep[i]).map((c) => text.slice(c.from, c.to).split('\n')[0]!);
}

describe('the slice', () => {
  test('keeps the statements a stride call reads from, transitively, and those that use the view; drops the rest', () => {
    const text = [
      'import numpy as np',
      'from numpy.lib.stride_tricks import as_strided',
      'unrelated = [i for i in range(3)]',
      'image = np.zeros((28, 28), dtype=np.float32)',
      's = image.strides',
      'label = "im2col"',
      'p = as_strided(image, (26, 26, 3, 3), s + s)',
      'cols = p.reshape(-1, 9)',
    ].join('\n') + '\n';
    expect(kept(text)).toEqual([
      'import numpy as np',
      'from numpy.lib.stride_tricks import as_strided',
      'image = np.zeros((28, 28), dtype=np.float32)',
      's = image.strides',
      'p = as_strided(image, (26, 26, 3, 3), s + s)',
      'cols = p.reshape(-1, 9)', // it might write through p (SL003 looks)
    ]);
  });

  test('keywords are not names: a loop over `False` does not bind the `False` of writeable=False', () => {
    const text = [
      'import numpy as np',
      'while False:',
      '    break',
      'if x is None:',
      '    pass',
      'v = np.lib.stride_tricks.as_strided(np.zeros(8), (5, 4), (8, 8), writeable=False)',
    ].join('\n') + '\n';
    expect(kept(text)).toEqual(['import numpy as np', 'v = np.lib.stride_tricks.as_strided(np.zeros(8), (5, 4), (8, 8), writeable=False)']);
  });

  test('a compound statement that mentions a name the call reads may bind it, and is kept', () => {
    const text = 'import numpy as np\nfor k in range(3):\n    w = k\nv = np.lib.stride_tricks.as_strided(np.zeros(8), (w, 2), (8, 8))\n';
    expect(kept(text)).toEqual(['import numpy as np', 'for k in range(3):', 'v = np.lib.stride_tricks.as_strided(np.zeros(8), (w, 2), (8, 8))']);
  });

  test('a write in place through an alias of a name the call reads is kept, with the alias; a print of it is not', () => {
    const text = [
      'import numpy as np',
      'shape = [10, 10]',
      'other = shape',
      'print(other, len(other))',
      'other[0] = 91',
      'grow(other)',
      'counts = np.array(shape)',
      'np.minimum(counts, 4, out=counts)',
      'v = np.lib.stride_tricks.as_strided(np.zeros(100), shape, (8, 8))',
    ].join('\n') + '\n';
    expect(kept(text)).toEqual([
      'import numpy as np', 'shape = [10, 10]', 'other = shape', 'other[0] = 91', 'grow(other)', 'counts = np.array(shape)',
      'np.minimum(counts, 4, out=counts)', 'v = np.lib.stride_tricks.as_strided(np.zeros(100), shape, (8, 8))',
    ]);
  });

  test('a builtin the code rebinds may change its arguments: its calls are kept', () => {
    const text = 'import numpy as np\nshape = [4, 4]\nfrom mylib import len\nlen(shape)\nv = np.lib.stride_tricks.as_strided(np.zeros(16), shape, (8, 8))\n';
    expect(kept(text)).toEqual(['import numpy as np', 'shape = [4, 4]', 'from mylib import len', 'len(shape)', 'v = np.lib.stride_tricks.as_strided(np.zeros(16), shape, (8, 8))']);
    expect(kept(text.replace('from mylib import len\n', ''))).not.toContain('len(shape)');
  });
});
