// Entry of a worker thread when the server runs from its TypeScript sources (jest, benchmarks
// under tsx): a thread does not inherit the loader that lets its parent import .ts, so this one
// registers tsx, then loads the module named in its workerData (a pool's task, or a thread's
// main). The built server points its threads at the compiled .js directly and never loads this.
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// The server package's compiler options (its JSX runtime), wherever the process was started.
register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
const { default: task } = await import(workerData.module);
export default task;
