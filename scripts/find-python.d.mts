/** Path of a Python interpreter that has NumPy (and torch when asked), or undefined. */
export function findPython(options?: { needTorch?: boolean }): string | undefined;
/** The NumPy 2.x interpreter in `<root>/.tools/venv-np2` (scripts/setup-numpy2-venv.sh), or undefined. */
export function findNumpy2Python(root: string): string | undefined;
