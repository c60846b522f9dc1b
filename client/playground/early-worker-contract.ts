// What early-worker.ts leaves for main.js: the first server worker and the errors it raised
// before anyone listened.
export const SERVER_WORKER_URL = 'server.js';

export interface EarlyWorker {
    worker: Worker;
    errors: string[];
}

/** The worker early-worker.ts started, once (a restart starts a new one). */
export function takeEarlyWorker(): EarlyWorker | undefined {
    const holder = globalThis as { estructuraServidor?: EarlyWorker };
    const early = holder.estructuraServidor;
    holder.estructuraServidor = undefined;
    return early;
}
