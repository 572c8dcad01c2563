// Where a worker thread starts: the compiled module itself, or, from the TypeScript sources
// (jest, tsx), tsx-worker.mjs, which registers tsx and then loads it (named in workerData).

/** `module` is a URL next to the caller, without its extension. */
export function threadEntry(module: URL): { filename: URL; workerData: { module: string } } {
  const fromSources = import.meta.url.endsWith('.ts');
  const task = new URL(`${module.href}.${fromSources ? 'ts' : 'js'}`);
  return {
    filename: fromSources ? new URL('./tsx-worker.mjs', import.meta.url) : task,
    workerData: { module: task.href },
  };
}
