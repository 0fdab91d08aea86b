/** Every command id in one place; package.json `contributes.commands` lists the same ids. */
export const Commands = {
  layoutCalculator: 'strideLens.layoutCalculator',
  showLog: 'strideLens.showLog',
  inspectArray: 'strideLens.inspectArray',
} as const;
