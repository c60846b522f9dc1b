// The `estructura` command as the README tells an analyst to get it, after `npm install` and
// `npm run build`: `npm link`, a global install of the `npm pack` tarball, and `npx estructura` inside
// the repository. Each global install goes to a temporary prefix (nothing global on this machine
// changes) and runs offline (`--offline`: the bundles need no dependency, so nothing is fetched).
// The installed command, found on the PATH, prints its help and checks a copy of examples/ejemplos/
// exactly as `node bin/estructura.cjs revisar` does.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from './helpers/examples.js';

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf-8'));
const TARBALL = `${manifest.name}-${manifest.version}.tgz`;
const NPM_TIMEOUT = 120_000;

/** The environment without the prefixes `npm test` exports to its scripts, so ours are the ones used. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env = { ...process.env };
    for (const key of Object.keys(env)) {
        if (/^npm_config_(prefix|global_prefix|local_prefix)$/i.test(key)) delete env[key];
    }
    return { ...env, ...extra };
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): SpawnSyncReturns<string> {
    const result = spawnSync(command, args, { encoding: 'utf-8', timeout: options.timeout ?? 60_000, cwd: options.cwd, env: options.env ?? cleanEnv() });
    if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
    return result;
}

const describeRun = (r: SpawnSyncReturns<string>) => `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}\nstdout:\n${r.stdout.slice(-2000)}\nstderr:\n${r.stderr.slice(-2000)}`;

function npm(args: string[], cwd: string, env?: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
    const result = run('npm', args, { cwd, env, timeout: NPM_TIMEOUT });
    expect(result.status, `npm ${args.join(' ')}: ${describeRun(result)}`).toBe(0);
    return result;
}

/** `estructura …` as a shell finds it: the prefix's bin/ first on the PATH. */
function estructura(bin: string, args: string[], cwd: string): SpawnSyncReturns<string> {
    return run('estructura', args, { cwd, env: cleanEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH}` }) });
}

describe('installing the estructura command', () => {
    let work: string;
    let ejemplos: string;
    let fileCount: number;
    let expected: SpawnSyncReturns<string>;

    beforeAll(() => {
        for (const file of ['out/cli.cjs', 'out/server.cjs']) {
            if (!existsSync(path.join(REPO, file))) throw new Error(`${file} does not exist: run \`npm run build\` first (\`npm test\` does it).`);
        }
        work = mkdtempSync(path.join(tmpdir(), 'estructura-install-'));
        ejemplos = path.join(work, 'ejemplos');
        cpSync(path.join(EXAMPLES, 'ejemplos'), ejemplos, { recursive: true });
        fileCount = readdirSync(ejemplos, { recursive: true }).filter(f => String(f).endsWith('.estructura')).length;
        // What the repository's own command prints for the copy (its deliberate errors: exit 1).
        expected = run(process.execPath, [path.join(REPO, 'bin/estructura.cjs'), 'revisar', 'ejemplos'], { cwd: work });
        expect(expected.status, describeRun(expected)).toBe(1);
        expect(expected.stdout).toMatch(new RegExp(`^${fileCount} archivos revisados: \\d+ errores`, 'm'));
    });

    afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

    /** The installed command runs: its help, then the same check of the copy as the repository's. */
    function expectWorkingCommand(bin: string) {
        const help = estructura(bin, ['--help'], work);
        expect(help.status, describeRun(help)).toBe(0);
        expect(help.stdout).toMatch(/^Uso: estructura /m);
        expect(help.stdout).toContain('revisar');
        const check = estructura(bin, ['revisar', 'ejemplos'], work);
        expect(check.status, describeRun(check)).toBe(1);
        expect(check.stdout).toBe(expected.stdout);
        expect(check.stdout).toContain(`${fileCount} archivos revisados:`);
        expect(check.stdout).toContain('error estructura-id-duplicado');
    }

    it('needs no runtime dependency: the bundles require only Node built-ins', () => {
        // So the tarball installs offline, and nothing but out/ and bin/ is needed at run time.
        expect(manifest.dependencies ?? {}).toEqual({});
        for (const bundle of ['out/cli.cjs', 'out/server.cjs']) {
            const text = readFileSync(path.join(REPO, bundle), 'utf-8');
            const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]));
            expect([...required].filter(name => !isBuiltin(name)), bundle).toEqual([]);
            // A bundle may import a bundle of its own beside it (the server's spreadsheet reader), never a package.
            const imported = [...text.matchAll(/\bimport\("([^"]+)"\)/g)].map(m => m[1]);
            for (const file of imported) expect(file, bundle).toMatch(/^\.\/[\w-]+\.cjs$/);
            for (const file of imported) expect(existsSync(path.join(REPO, 'out', file)), `${bundle} imports ${file}`).toBe(true);
        }
        expect(manifest.bin).toEqual({ estructura: './bin/estructura.cjs' });
        expect(readFileSync(path.join(REPO, 'bin/estructura.cjs'), 'utf-8')).toContain("require('../out/cli.cjs')");
    });

    it('npm pack + npm install -g ./estructura-0.1.0.tgz', () => {
        const packs = path.join(work, 'packs');
        mkdirSync(packs);
        const packed = npm(['pack', '--offline', '--json', '--pack-destination', packs], REPO);
        const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
        expect(info.filename).toBe(TARBALL);
        // What bin needs and the server for other editors; no sources, tests or examples.
        expect(info.files.map(f => f.path).sort()).toEqual(['LICENSE', 'README.md', 'bin/estructura.cjs', 'docs/neovim.lua',
            'docs/reglas.md', 'out/cli.cjs', 'out/server.cjs', 'out/spreadsheets.cjs', 'package.json']);

        const prefix = path.join(work, 'prefix-tgz');
        const installed = npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(packs, TARBALL)], work);
        expect(installed.stdout).toMatch(/added 1 package/);
        expect(existsSync(path.join(prefix, 'lib/node_modules/estructura/node_modules'))).toBe(false);
        expectWorkingCommand(path.join(prefix, 'bin'));
    }, 4 * NPM_TIMEOUT);

    it('npm link in the repository', () => {
        // `npm link` has no --prefix of its own (on the command line it would move the project too):
        // the global prefix comes from the environment.
        const prefix = path.join(work, 'prefix-link');
        npm(['link', '--offline', '--no-audit', '--no-fund'], REPO, cleanEnv({ npm_config_prefix: prefix }));
        expect(realpathSync(path.join(prefix, 'lib/node_modules/estructura'))).toBe(realpathSync(REPO));
        expectWorkingCommand(path.join(prefix, 'bin'));
    }, 2 * NPM_TIMEOUT);

    it('npx estructura inside the repository', () => {
        const help = run('npx', ['--offline', 'estructura', '--help'], { cwd: path.join(REPO, 'examples'), timeout: NPM_TIMEOUT });
        expect(help.status, describeRun(help)).toBe(0);
        expect(help.stdout).toMatch(/^Uso: estructura /m);
        const check = run('npx', ['--offline', 'estructura', 'revisar', ejemplos], { cwd: REPO, timeout: NPM_TIMEOUT });
        const reference = run(process.execPath, [path.join(REPO, 'bin/estructura.cjs'), 'revisar', ejemplos], { cwd: REPO });
        expect(check.status, describeRun(check)).toBe(1);
        expect(check.stdout).toBe(reference.stdout);
    }, 2 * NPM_TIMEOUT);
});
