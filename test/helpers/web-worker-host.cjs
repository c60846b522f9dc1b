// Runs the web worker's server bundle (out/web/server.js) in a Node process as a browser runs it in
// a worker: evaluated as a plain script in a context of its own whose globals are a worker's (no
// process, require, Buffer or setImmediate: a use of one fails here as it would in the browser),
// with a `self` that posts messages to stdout and gets them from stdin (LSP's framing), so
// LspTestClient drives it like the desktop server.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createContext, runInContext } = require('node:vm');
const { StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const bundle = process.argv[2];
const reader = new StreamMessageReader(process.stdin);
const writer = new StreamMessageWriter(process.stdout);
// stdout carries the messages: the worker's console goes to stderr.
const log = (...args) => console.error(...args);
let listener;
const self = {
    get onmessage() { return listener; },
    set onmessage(handler) { listener = handler; },
    addEventListener() {},
    postMessage(message) { void writer.write(JSON.parse(JSON.stringify(message))); }
};
// What a dedicated worker has (and the bundle may use); nothing of Node's.
const context = createContext({
    self, console: { log, info: log, debug: log, warn: log, error: log, trace: log },
    setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
    performance, TextEncoder, TextDecoder, URL, URLSearchParams, atob, btoa, crypto, AbortController, Event, EventTarget, MessageChannel
});
runInContext('globalThis.self = self; Object.assign(self, { globalThis })', context);
// Chromium's workers have Object.groupBy; Node 20's V8, which this context's intrinsics come from, does not.
runInContext(readFileSync(path.join(__dirname, '../../server/src/polyfill.cjs'), 'utf-8'), context);
const parse = runInContext('JSON.parse', context);
reader.listen(message => listener?.({ data: parse(JSON.stringify(message)) }));
runInContext(readFileSync(bundle, 'utf-8'), context, { filename: bundle });
