// Worker thread for long engine jobs. Placeholder: jobs arrive with the engine issue.
import { parentPort } from 'node:worker_threads';
parentPort?.on('message', () => undefined);
