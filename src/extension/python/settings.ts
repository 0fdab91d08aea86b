/** The Python hints' settings, read through one typed accessor (package.json describes them). */
import * as vscode from 'vscode';
import { CODES, type Code, type SeverityOverrides } from '../../analysis';

export interface HintSettings {
  /** Lenses, hovers, diagnostics and quick fixes on stride calls. */
  readonly enabled: boolean;
  readonly severities: SeverityOverrides;
  /** NumPy version the code runs against (`check_bounds=True` is offered from 2.5); `undefined` = unknown. */
  readonly numpyVersion: string | undefined;
}

const LEVELS = new Set(['error', 'warning', 'information', 'off']);

export function hintSettings(scope?: vscode.ConfigurationScope): HintSettings {
  const c = vscode.workspace.getConfiguration('strideLens', scope);
  const raw = c.get<Record<string, unknown>>('diagnostics.severity') ?? {};
  const severities: Record<string, string> = {};
  for (const [code, level] of Object.entries(raw)) {
    if (code in CODES && typeof level === 'string' && LEVELS.has(level)) severities[code as Code] = level;
  }
  const version = (c.get<string>('numpyVersion') ?? '').trim();
  return { enabled: c.get<boolean>('hints.enabled') ?? true, severities: severities as SeverityOverrides, numpyVersion: version || undefined };
}
