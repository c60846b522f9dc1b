// Loaded before the page's big script: starts the language server's worker at once, so it loads
// and compiles while the editor's bundle does. The worker says nothing until it is initialized,
// so nothing is lost before main.js attaches the connection (server-connection.ts).
import { SERVER_WORKER_URL, type EarlyWorker } from './early-worker-contract.js';

const early: EarlyWorker = { worker: new Worker(SERVER_WORKER_URL, { name: 'estructura-servidor' }), errors: [] };
// Handled here (main.js reports it in the page), not as an uncaught error of the page.
early.worker.addEventListener('error', event => {
    event.preventDefault();
    early.errors.push(event.message || 'el proceso del servidor falló');
});
(globalThis as { estructuraServidor?: EarlyWorker }).estructuraServidor = early;
