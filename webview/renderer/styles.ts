/** The renderer's stylesheet (a constant; notebook outputs get no stylesheet link). Theme colours only. */
import ARRAY_CSS from '../shared/array/array.css';
import STRIDE_DIAGRAM_CSS from '../shared/stride-diagram.css';

export const RENDERER_CSS = `${STRIDE_DIAGRAM_CSS}
${ARRAY_CSS}
.stride-lens-output { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.stride-lens-output h3 { font-size: 1.05em; margin: 4px 0 8px; }
.stride-lens-output h2 { font-size: 1em; margin: 12px 0 4px; }
.stride-lens-output table { border-collapse: collapse; }
.stride-lens-output th { text-align: left; font-weight: normal; color: var(--vscode-descriptionForeground); padding: 1px 14px 1px 0; }
.stride-lens-output td { font-family: var(--vscode-editor-font-family); padding: 1px 12px 1px 0; text-align: left; }
.stride-lens-output .dims th { font-weight: 600; color: var(--vscode-foreground); }
.stride-lens-output .good { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.stride-lens-output .bad, .stride-lens-output .error { color: var(--vscode-errorForeground); }
.stride-lens-output .note { color: var(--vscode-descriptionForeground); }
.stride-lens-output .snippet { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 6px 8px; }

.stride-lens-output input, .stride-lens-output select {
  font-family: var(--vscode-editor-font-family);
  color: var(--vscode-input-foreground);
  background: var(--vscode-input-background);
  border: 1px solid var(--vscode-input-border, transparent);
  padding: 2px 5px;
}
.stride-lens-output .npy-controls input[type=checkbox] { padding: 0; }
.stride-lens-output button {
  color: var(--vscode-button-foreground);
  background: var(--vscode-button-background);
  border: 1px solid var(--vscode-button-border, transparent);
  padding: 3px 10px;
  margin-right: 6px;
  cursor: pointer;
}
.stride-lens-output button:hover { background: var(--vscode-button-hoverBackground); }
.stride-lens-output button:disabled { opacity: 0.5; cursor: default; }
.stride-lens-output .sl-flag { border-left: 3px solid var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); padding-left: 8px; }
.stride-lens-output pre.snippet { white-space: pre-wrap; max-height: 20em; overflow: auto; }
`;
