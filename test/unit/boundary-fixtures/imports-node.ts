// Deliberate violation: the pure layers may not import node modules.
import { readFileSync } from 'node:fs';
export const x = readFileSync;
