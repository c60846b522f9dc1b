// The rule catalog as users meet it: severities they change or switch off (editor setting,
// estructura.json read by the server and the CLI), the doc link and hover of a diagnostic,
// docs/reglas.md generated from the catalog, and a failing rule that does not silence the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CancellationToken, type Hover } from 'vscode-languageserver';
import { RULES } from '../server/src/language/rules/catalog.js';
import { renderRulesMarkdown } from '../server/src/language/rules/docs.js';
import { parseConfigFile } from '../server/src/language/settings.js';
import { REPO } from './helpers/examples.js';
import { allCodeActions, withCode } from './helpers/fixes.js';
import { LspTestClient } from './helpers/lsp-client.js';
import { buildWorkspace, textParams } from './helpers/workspace.js';

// A unit numbered 7.1.3 after 7.1.1 (estructura-numeracion) and a cycle (estructura-ciclo).
const FILE = [
    'manual M "Manual de prueba" {',
    '    institucion IMSS',
    '}',
    '',
    'unidad DP "Dirección de Pruebas" {',
    '    número 7.1',
    '    unidad UA "Unidad A" {',
    '        número 7.1.1',
    '    }',
    '    unidad UC "Unidad C" {',
    '        número 7.1.3',
    '    }',
    '}',
    '',
    'unidad CA "Coordinación A" {',
    '    adscrita a CB',
    '}',
    '',
    'unidad CB "Coordinación B" {',
    '    adscrita a CA',
    '}',
    ''
].join('\n');

const codesOf = (diagnostics: Array<{ code?: unknown; severity?: number }>, code: string) => diagnostics.filter(d => d.code === code);

describe('rule settings', () => {
    it('change a rule\'s severity, switch it off, and the editor setting wins over estructura.json', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const settings = ws.services.settings.RuleSettings;
        const diagnostics = async () => {
            await ws.update('a.estructura', FILE + ' ');
            return ws.docs['a.estructura'].diagnostics ?? [];
        };
        expect(codesOf(await diagnostics(), 'estructura-numeracion').map(d => d.severity)).toEqual([1]);

        settings.applyFile(parseConfigFile('{ "reglas": { "estructura-numeracion": "warning", "estructura-ciclo": "off" } }', 'estructura.json'));
        let now = await diagnostics();
        expect(codesOf(now, 'estructura-numeracion').map(d => d.severity)).toEqual([2]);
        expect(codesOf(now, 'estructura-ciclo')).toEqual([]);

        settings.applyEditor(new Map([['estructura-numeracion', 'info'], ['estructura-ciclo', 'error']]));
        now = await diagnostics();
        expect(codesOf(now, 'estructura-numeracion').map(d => d.severity)).toEqual([3]);
        expect(codesOf(now, 'estructura-ciclo').map(d => d.severity)).toEqual([1, 1]);

        settings.applyEditor(new Map());
        settings.applyFile(undefined);
        expect(codesOf(await diagnostics(), 'estructura-ciclo').map(d => d.severity)).toEqual([1, 1]);
    });

    it('reports what it ignores in estructura.json, naming the file', () => {
        const parsed = parseConfigFile('{ "reglas": { "no-existe": "off", "funcion-cierre": "grave" }, "perfiles": { "IMSS": { "puntuacion": "coma" } }, "otra": 1 }', '/ws/estructura.json');
        expect(parsed.problems).toEqual([
            '/ws/estructura.json: clave desconocida «otra»; se ignora.',
            '/ws/estructura.json: la regla «no-existe» no existe; se ignora.',
            '/ws/estructura.json: severidad «grave» no válida para «funcion-cierre»: use error, warning, info, hint u off.',
            '/ws/estructura.json: perfil IMSS: «puntuacion» debe ser "punto" o "punto-y-coma".'
        ]);
        expect(parseConfigFile('{ no es json', 'x.json').problems[0]).toMatch(/^x\.json: no es JSON válido/u);
    });

    it('lets the profile in estructura.json change institution data the rules read', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const settings = ws.services.settings.RuleSettings;
        expect(settings.profile('ISSSTE').puntuacion).toBe('punto-y-coma');
        settings.applyFile(parseConfigFile('{ "perfiles": { "ISSSTE": { "puntuacion": "punto" }, "INFONAVIT": { "objetivoObligatorio": true } } }', 'estructura.json'));
        expect(settings.profile('ISSSTE').puntuacion).toBe('punto');
        expect(settings.profile('ISSSTE').segmentosStaff).toBe(true);
        expect(settings.profile('INFONAVIT').objetivoObligatorio).toBe(true);
    });
});

describe('«Desactivar la regla…» (issue 19)', () => {
    it('is offered once per rule on its diagnostics, last, and runs the client command that sets the rule off', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const doc = ws.docs['a.estructura'];
        const [numeracion] = withCode(doc.diagnostics, 'estructura-numeracion');
        const ciclo = withCode(doc.diagnostics, 'estructura-ciclo');
        expect(numeracion).toBeDefined();
        const actions = await allCodeActions(ws, doc, numeracion);
        const title = 'Desactivar la regla «estructura-numeracion» en este espacio de trabajo';
        expect(actions.at(-1)).toEqual({
            title, kind: 'quickfix', diagnostics: [numeracion],
            command: { title, command: 'estructura.desactivarRegla', arguments: ['estructura-numeracion'] }
        });
        expect(actions.filter(a => a.command?.command === 'estructura.desactivarRegla')).toHaveLength(1);
        // Two diagnostics of one rule in the request: one action.
        const provider = ws.services.lsp.CodeActionProvider!;
        const both = await provider.getCodeActions(doc, { textDocument: { uri: doc.uri.toString() }, range: ciclo[0].range, context: { diagnostics: ciclo } }) as Array<{ title: string }>;
        expect(both.filter(a => a.title.startsWith('Desactivar')).map(a => a.title)).toEqual(['Desactivar la regla «estructura-ciclo» en este espacio de trabajo']);
    });
});

describe('rule documentation', () => {
    it('docs/reglas.md is generated from the catalog and up to date', () => {
        expect(readFileSync(path.join(REPO, 'docs/reglas.md'), 'utf-8')).toBe(renderRulesMarkdown());
        for (const code of RULES.keys()) expect(renderRulesMarkdown()).toContain(`\n### ${code}\n`);
    });

    it('every rule can be configured in the VS Code settings schema', () => {
        const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf-8'));
        const schema = manifest.contributes.configuration.properties['estructura.reglas'];
        expect(Object.keys(schema.properties).sort()).toEqual([...RULES.keys()].sort());
        expect(readFileSync(path.join(REPO, '.vscodeignore'), 'utf-8')).toContain('!docs/reglas.md');
    });

    it('links a diagnostic to its rule\'s section and explains the rule on hover', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const doc = ws.docs['a.estructura'];
        const numbering = withCode(doc.diagnostics, 'estructura-numeracion')[0] as { codeDescription?: { href: string }; range: { start: { line: number; character: number } } };
        const href = numbering.codeDescription!.href;
        expect(href).toBe(`${pathToFileURL(path.join(REPO, 'docs/reglas.md')).href}#estructura-numeracion`);
        expect(existsSync(fileURLToPath(href.split('#')[0]))).toBe(true);
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, textParams(doc, numbering.range.start), CancellationToken.None) as Hover;
        const text = (hover.contents as { value: string }).value;
        expect(text).toContain('**estructura-numeracion** · Convención de los manuales · error por omisión');
        expect(text).toContain(RULES.get('estructura-numeracion')!.description);
        expect(text).toContain(`[Documentación de la regla](${href})`);
    });
});

describe('rule isolation', () => {
    it('turns an exception in one rule into one diagnostic naming it; the other rules still report', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        // Break the workspace index that numbering and duplicate ids read; cycles do not use it.
        Object.defineProperty(ws.services.structure.StructureIndex, 'snapshot', { get() { throw new Error('índice roto'); } });
        await ws.update('a.estructura', FILE + ' ');
        const diagnostics = ws.docs['a.estructura'].diagnostics ?? [];
        const failed = codesOf(diagnostics, 'estructura-regla-fallida');
        expect(failed.length).toBeGreaterThan(0);
        expect(failed.map(d => (d as { message: string }).message)).toContain('La regla «estructura-numeracion» falló al revisar este elemento (índice roto); las demás reglas sí se aplicaron.');
        expect(codesOf(diagnostics, 'estructura-ciclo')).toHaveLength(2);
    });
});

describe('estructura.json read by the command line and the server', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'estructura-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'a.estructura'), FILE);

    it('`revisar` applies the file found in the folder or above it, and names a broken one', () => {
        const run = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO, 'bin/estructura.cjs'), 'revisar', ...args], { cwd: REPO, encoding: 'utf-8' });
        expect(run(dir).stdout).toMatch(/a\.estructura:11:\d+ error estructura-numeracion/u);
        writeFileSync(path.join(dir, 'estructura.json'), '{ "reglas": { "estructura-numeracion": "warning", "estructura-ciclo": "off" } }');
        const configured = run(dir);
        expect(configured.stdout).toMatch(/a\.estructura:11:\d+ advertencia estructura-numeracion/u);
        expect(configured.stdout).not.toContain('estructura-ciclo');
        expect(configured.status).toBe(0);
        writeFileSync(path.join(dir, 'estructura.json'), '{ "reglas": { "estructura-nada": "off" } }');
        const broken = run(path.join(dir, 'a.estructura'));
        expect(broken.stderr).toContain(`${path.join(dir, 'estructura.json')}: la regla «estructura-nada» no existe; se ignora.`);
        expect(broken.status).toBe(2);
    });

    it('the server reads it at startup and again when it changes', async () => {
        writeFileSync(path.join(dir, 'estructura.json'), '{ "reglas": { "estructura-ciclo": "off" } }');
        const client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        try {
            const folder = pathToFileURL(dir).href;
            await client.request('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: {} }, 20_000);
            await client.notify('initialized', {});
            const uri = pathToFileURL(path.join(dir, 'a.estructura')).href;
            const first = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'estructura-numeracion'));
            expect(codesOf(first, 'estructura-ciclo')).toEqual([]);
            writeFileSync(path.join(dir, 'estructura.json'), '{ "reglas": { "estructura-numeracion": "hint" } }');
            await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'estructura.json')).href, type: 2 }] });
            const after = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'estructura-ciclo'));
            expect(codesOf(after, 'estructura-numeracion').map(d => d.severity)).toEqual([4]);
            expect(codesOf(after, 'estructura-ciclo')).toHaveLength(2);
        } finally {
            await client.shutdown();
        }
    }, 40_000);
});
