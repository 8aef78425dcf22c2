import { AsyncLocalStorage } from 'node:async_hooks';

// Marks Document Service calls made by the workflow itself, so the publish gate lets exactly those
// through. In-process only: no request can set it.
const storage = new AsyncLocalStorage<true>();

export const runAsWorkflow = <T>(fn: () => Promise<T>) => storage.run(true, fn);
export const isWorkflowRun = () => storage.getStore() === true;
