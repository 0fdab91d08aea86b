/** Every command id in one place; package.json `contributes.commands` lists the same ids. */
export const Commands = {
  layoutCalculator: 'strideLens.layoutCalculator',
  showLog: 'strideLens.showLog',
  /** Internal: the lens under a stride call opens the calculator on that call's view. */
  showCallLayout: 'strideLens.showCallLayout',
  inspectArray: 'strideLens.inspectArray',
  runBenchmarks: 'strideLens.runBenchmarks',
  /** Internal: the lens under a resolved stride call times its view in the user's NumPy. */
  benchmarkView: 'strideLens.benchmarkView',
  enableInNotebook: 'strideLens.enableInNotebook',
  installHelper: 'strideLens.installHelper',
} as const;
