// Runs the web worker's server bundle (out/web/server.js) in a Node process as a browser would run
// it in a worker: the bundle is evaluated as a plain script whose `self` posts messages, here to
// stdout and from stdin (LSP's framing), so LspTestClient drives it like the desktop server. The
// bundle holds no Node built-in (test/web-bundle.test.ts); only this host uses Node.
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
const { StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const bundle = process.argv[2];
const reader = new StreamMessageReader(process.stdin);
const writer = new StreamMessageWriter(process.stdout);
// stdout carries the messages: the worker's console goes to stderr.
console.log = console.info = console.debug = (...args) => console.error(...args);
let listener;
globalThis.self = {
    get onmessage() { return listener; },
    set onmessage(handler) { listener = handler; },
    addEventListener() {},
    postMessage(message) { void writer.write(message); }
};
reader.listen(message => listener?.({ data: message }));
runInThisContext(readFileSync(bundle, 'utf-8'), { filename: bundle });
