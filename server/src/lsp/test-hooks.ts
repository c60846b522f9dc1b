// Test-only requests, registered only when the server is started with ESTRUCTURA_TEST_HOOKS=1 (never
// by the extension): what a test over stdio cannot see from outside the process.
//
// - `estructura/test/heap`: waits behind every queued build (a read of the workspace lock), runs a
//   full garbage collection when the process was started with `--expose-gc`, and answers
//   `{ heapUsed, gc }` (bytes of `process.memoryUsage().heapUsed`; `gc` false when it could not collect).
// - `estructura/test/parses`: also after the queued builds, how many texts the parser of each
//   language parsed since the start and their total characters (`{ parses, chars, large }`, `large`
//   counting texts of 50,000 characters or more), and the process's CPU time in milliseconds
//   (`cpuMs`, user + system).
import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { TEST_HEAP_REQUEST, TEST_HOOKS_VARIABLE, TEST_PARSES_REQUEST, type TestHeapResult, type TestParsesResult } from '../protocol.js';


export function registerTestHooks(connection: Connection, shared: LangiumSharedServices): void {
    if (process.env[TEST_HOOKS_VARIABLE] !== '1') return;
    const counts = { parses: 0, chars: 0, large: 0 };
    for (const services of shared.ServiceRegistry.all) {
        const parser = services.parser.LangiumParser;
        const parse = parser.parse.bind(parser);
        parser.parse = ((text: string, options?: object) => {
            counts.parses++;
            counts.chars += text.length;
            if (text.length >= 50_000) counts.large++;
            return parse(text, options);
        }) as typeof parser.parse;
    }
    const lock = shared.workspace.WorkspaceLock;
    connection.onRequest(TEST_HEAP_REQUEST, () => lock.read((): TestHeapResult => {
        const collect = (globalThis as { gc?: () => void }).gc;
        if (collect) {
            collect();
            collect();
        }
        return { heapUsed: process.memoryUsage().heapUsed, gc: !!collect };
    }));
    connection.onRequest(TEST_PARSES_REQUEST, () => lock.read((): TestParsesResult => {
        const cpu = process.cpuUsage();
        return { ...counts, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
    }));
}
