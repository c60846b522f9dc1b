// A change superseded by a later one is not parsed. Each didChange queues a write of the workspace
// lock at once (so that a request after it waits for its build), and the write cancels the
// previous one; but the connection hands over one message per turn of the event loop, and a write
// that started right away parsed its text before the next change, already received, could cancel
// it: 400 queued changes of a 139 KB file were 400 parses (test/edit-memory.test.ts). So an update
// of documents already built first marks them changed (requests about them wait for the build),
// then lets the event loop turn twice (messages already read, and those read in the next poll, are
// dispatched first) and, during a burst (the previous update came less than BURST_MS before),
// waits SETTLE_MS more, time for a big message still on its way. An update cancelled meanwhile
// only marks its documents (EstructuraDocumentBuilder.update) and the newest one parses the text
// once. An edit after a pause waits the two turns only.
import type { Cancellation } from 'langium';

/** Turns of the event loop an update waits for newer changes before it parses. */
const SETTLE_TURNS = 2;
/** An update less than this after the previous one is part of a burst (ms)… */
const BURST_MS = 100;
/** …and waits this much more for the next change (ms). */
const SETTLE_MS = 5;

let lastUpdate = -Infinity;

/** Node's setImmediate; in a web worker, which lacks it, the next macrotask (a timer). */
const nextTask: (callback: () => void) => void = typeof setImmediate === 'function' ? setImmediate : callback => setTimeout(callback, 0);

function nextTurn(): Promise<void> {
    return new Promise(resolve => nextTask(resolve));
}

/** Resolves when a newer change had its chance to cancel `token` (or it was cancelled). */
export async function settle(token: Cancellation.CancellationToken): Promise<void> {
    const now = performance.now();
    const burst = now - lastUpdate < BURST_MS;
    lastUpdate = now;
    for (let turn = 0; turn < SETTLE_TURNS && !token.isCancellationRequested; turn++) await nextTurn();
    if (burst && !token.isCancellationRequested) await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
}
