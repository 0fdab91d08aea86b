// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureLayers = ['src/engine/**', 'src/npy/**', 'src/analysis/**', 'src/protocol.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.e2e-results/**', 'test/unit/boundary-fixtures/**', 'examples/**',
    // AssemblyScript (v128, decorators on functions), compiled by scripts/build-wasm.mjs.
    'src/bench/wasm/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['webview/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['node:*'] }],
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Never insert file or output content as HTML.' },
        { property: 'outerHTML', message: 'Never insert file or output content as HTML.' }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/extension/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['**/extension/**'] }] },
  },
  {
    // Second fence around the pure layers (the compiler is the first: tsconfig.pure.json).
    // src/bench is pure but for its host and worker thread.
    files: [...pureLayers, 'src/bench/**'],
    ignores: ['src/bench/host.ts', 'src/bench/worker.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
        patterns: ['node:*', '**/extension/**', '**/cli/**', '**/bench/host', '**/bench/worker', '**/webview/**'],
      }],
    },
  },
);
