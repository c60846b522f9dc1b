// Small helpers shared by the e2e modules: logging, child processes with deadlines, polling with a
// message. Every wait in the e2e test goes through `waitFor` or `run`, so a failure always says
// what it was waiting for and what it saw last, never a bare "timeout".
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const t0 = Date.now();
export function log(msg) {
    console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
}

/** An expected failure: the message is what the report prints, without a stack trace. */
export class E2EError extends Error {}

/**
 * Runs a command to completion within `timeoutMs`; resolves with its output, rejects with the
 * command, exit status and the tail of its output.
 */
export function run(cmd, args, { cwd, env, timeoutMs, echo = false } = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const onData = d => { out += d; if (echo) process.stdout.write(d); };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new E2EError(`\`${cmd} ${args.join(' ')}\` did not finish within ${timeoutMs / 1000} s; last output:\n${out.slice(-2000)}`));
        }, timeoutMs);
        child.on('error', e => { clearTimeout(timer); reject(new E2EError(`cannot start \`${cmd}\`: ${e.message}`)); });
        child.on('close', code => {
            clearTimeout(timer);
            if (code === 0) resolve(out);
            else reject(new E2EError(`\`${cmd} ${args.join(' ')}\` exited with ${code}; last output:\n${out.slice(-3000)}`));
        });
    });
}

/** A port nobody listens on now (the OS picks it), so parallel runs do not collide. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const srv = createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Polls `probe` until `accept(value)` is true. On timeout throws an E2EError naming `what` and
 * showing the last value seen (through `show`), which is what makes failures readable. `stop`,
 * when it returns a message, ends the wait at once with it (nothing new can come).
 */
export async function waitFor(what, probe, { timeoutMs = 15_000, everyMs = 250, accept = v => Boolean(v), show = v => JSON.stringify(v, null, 1), stop = () => undefined } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last, lastError;
    for (;;) {
        const stopped = stop();
        if (stopped) throw new E2EError(`stopped waiting for ${what}: ${stopped}`);
        try {
            last = await probe();
            lastError = undefined;
            if (accept(last)) return last;
        } catch (e) {
            lastError = e;
        }
        if (Date.now() > deadline) {
            const seen = lastError ? `error: ${lastError.message}` : show(last);
            throw new E2EError(`waited ${timeoutMs / 1000} s for ${what}; last seen: ${seen}`);
        }
        await sleep(everyMs);
    }
}

/**
 * Starts a server as a child process in a process group of its own and resolves once `ready(output)`
 * holds (it may throw to fail with a better message); `stop()` ends the group (the server and
 * whatever it started, nothing else on the machine). Its output also goes to `logFile`.
 */
export async function startServerProcess({ command, args, name, ready, options = {}, logFile }) {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = d => { output += d; logFile?.write(d); };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let exited = null;
    child.on('exit', code => { exited = code ?? 'signal'; });
    const stop = () => {
        if (exited === null) {
            try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        }
    };
    try {
        await waitFor(`${name} to start`, () => {
            if (exited !== null) throw new E2EError(`${name} exited with ${exited}:\n${output.slice(-3000)}`);
            return ready(output);
        }, { timeoutMs: 60_000, show: () => output.slice(-1500) });
    } catch (e) {
        stop();
        throw e;
    }
    return { stop, output: () => output };
}
