/** Path of a Python interpreter that has NumPy (and torch when asked), or undefined. */
export function findPython(options?: { needTorch?: boolean }): string | undefined;
