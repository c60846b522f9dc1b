// The rule catalog as users meet it: severities they change or switch off (editor setting,
// estructura.json read by the server and the CLI), the doc link and hover of a diagnostic,
// docs/reglas.md generated from the catalog, and a failing rule that does not silence the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CancellationToken, type Diagnostic, type Hover } from 'vscode-languageserver';
import { RULES } from '../server/src/language/rules/catalog.js';
import { DISABLE_RULE_COMMAND, SHOW_RULE_COMMAND } from '../server/src/protocol.js';
import { ruleAnchor } from '../server/src/language/rules/anchor.js';
import { renderRulesMarkdown } from '../server/src/language/rules/docs.js';
import { SEVERITY_NAMES } from '../server/src/language/severity.js';
import { reglasSettingSchema } from '../server/src/language/rules/settings-schema.js';
import { parseConfigFile } from '../server/src/language/settings.js';
import { REPO } from './helpers/examples.js';
import { allCodeActions } from './helpers/fixes.js';
import { LspTestClient } from './helpers/lsp-client.js';
import { ERROR, HINT, INFO, WARNING, withCode } from './helpers/rules.js';
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

describe('rule settings', () => {
    it('change a rule\'s severity, switch it off, and the editor setting wins over estructura.json', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const settings = ws.services.settings.RuleSettings;
        const diagnostics = async () => {
            await ws.update('a.estructura', FILE + ' ');
            return ws.docs['a.estructura'].diagnostics ?? [];
        };
        expect(withCode(await diagnostics(), 'estructura-numeracion').map(d => d.severity)).toEqual([ERROR]);

        settings.applyFile(parseConfigFile('{ "reglas": { "estructura-numeracion": "warning", "estructura-ciclo": "off" } }', 'estructura.json'));
        let now = await diagnostics();
        expect(withCode(now, 'estructura-numeracion').map(d => d.severity)).toEqual([WARNING]);
        expect(withCode(now, 'estructura-ciclo')).toEqual([]);

        settings.applyEditor(new Map([['estructura-numeracion', 'info'], ['estructura-ciclo', 'error']]));
        now = await diagnostics();
        expect(withCode(now, 'estructura-numeracion').map(d => d.severity)).toEqual([INFO]);
        expect(withCode(now, 'estructura-ciclo').map(d => d.severity)).toEqual([ERROR, ERROR]);

        settings.applyEditor(new Map());
        settings.applyFile(undefined);
        expect(withCode(await diagnostics(), 'estructura-ciclo').map(d => d.severity)).toEqual([ERROR, ERROR]);
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
    it('is offered, to a client that declares the command, once per rule on its diagnostics, last, and runs the client command that sets the rule off', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        // As the VS Code extension declares at initialize (client/src/activate.ts).
        ws.services.settings.ClientCommands.declare({ commands: [DISABLE_RULE_COMMAND, SHOW_RULE_COMMAND] });
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

    it('is not offered to a client that does not declare the command (Neovim, any other editor), which still gets the quick fixes', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        const doc = ws.docs['a.estructura'];
        const [numeracion] = withCode(doc.diagnostics, 'estructura-numeracion');
        const actions = await allCodeActions(ws, doc, numeracion);
        expect(actions.map(a => a.title)).toContain('Renumerar como 7.1.2');
        expect(actions.filter(a => a.title.startsWith('Desactivar') || a.command?.command === DISABLE_RULE_COMMAND)).toEqual([]);
        // Declaring other commands, or something that is not a list, declares nothing.
        for (const options of [{ commands: ['otro.comando'] }, { commands: DISABLE_RULE_COMMAND }, null, 'x']) {
            ws.services.settings.ClientCommands.declare(options);
            expect((await allCodeActions(ws, doc, numeracion)).filter(a => a.command?.command === DISABLE_RULE_COMMAND), JSON.stringify(options)).toEqual([]);
        }
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

    it('the settings schema of estructura.reglas in package.json is generated from the catalog and up to date (npm run docs:ajustes)', () => {
        const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf-8'));
        const schema = manifest.contributes.configuration.properties['estructura.reglas'];
        expect(schema, 'package.json is out of date with the rule catalog: run `npm run docs:ajustes`').toEqual(reglasSettingSchema());
        // What the Settings editor shows for each rule: its source, default severity and description.
        for (const rule of RULES.values()) {
            const property = schema.properties[rule.code];
            expect(property.default).toBe(rule.severity);
            expect(property.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
            expect(property.enumDescriptions).toHaveLength(5);
            expect(property.enumDescriptions[property.enum.indexOf(rule.severity)]).toMatch(/\(Por omisión\.\)$/u);
            expect(property.markdownDescription).toContain(`**${rule.source}** · por omisión: ${SEVERITY_NAMES[rule.severity]}`);
            expect(property.markdownDescription).toContain(rule.description);
        }
        // The whole setting keeps no value: a value per rule would override estructura.json.
        expect(schema.default).toEqual({});
        expect(schema.properties['funcion-duplicada-entre-unidades'].default).toBe('hint');
        expect(schema.properties['funcion-duplicada'].default).toBe('warning');
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

    it('links to the rendered section through estructura.verRegla for a client that declares it (VS Code), in the diagnostic and the hover', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        ws.services.settings.ClientCommands.declare({ commands: [DISABLE_RULE_COMMAND, SHOW_RULE_COMMAND] });
        await ws.update('a.estructura', FILE + ' ');
        const doc = ws.docs['a.estructura'];
        const numbering = withCode(doc.diagnostics, 'estructura-numeracion')[0] as { codeDescription?: { href: string }; range: { start: { line: number; character: number } } };
        const href = numbering.codeDescription!.href;
        expect(href).toBe('command:estructura.verRegla?%5B%22estructura-numeracion%22%5D');
        // What VS Code's opener does with it: the command's path and its JSON arguments.
        const url = new URL(href);
        expect(url.protocol + url.pathname).toBe('command:estructura.verRegla');
        expect(JSON.parse(decodeURIComponent(url.search.slice(1)))).toEqual(['estructura-numeracion']);
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, textParams(doc, numbering.range.start), CancellationToken.None) as Hover;
        expect((hover.contents as { value: string }).value).toContain(`[Documentación de la regla](${href})`);
        for (const d of doc.diagnostics ?? []) {
            const code = d.code as string;
            expect(d.codeDescription?.href, code).toBe(`command:estructura.verRegla?${encodeURIComponent(JSON.stringify([code]))}`);
        }
    });

    it('the section the command opens: docs/reglas.md#<anchor>, the id VS Code\'s Markdown preview gives the rule\'s heading', () => {
        // VS Code's Markdown slugifier (extensions/markdown-language-features, githubSlugifier),
        // as in code-server 4.100.3's bundle: the preview scrolls to the heading with this id.
        const vscodeSlug = (heading: string) => encodeURI(heading.trim().toLowerCase().replace(/\s+/g, '-')
            .replace(/[\]\[!/'"#$%&()*+,./:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g, '')
            .replace(/^-+/, '').replace(/-+$/, ''));
        const docs = readFileSync(path.join(REPO, 'docs/reglas.md'), 'utf-8').split('\n');
        for (const code of RULES.keys()) {
            expect(docs.filter(l => l === `### ${code}`), code).toHaveLength(1);
            expect(ruleAnchor(code), code).toBe(vscodeSlug(code));
        }
        expect(ruleAnchor('norma-7.2.1.15-sede')).toBe('norma-72115-sede');
        // The client's command opens that file of the installed extension with the anchor as
        // fragment in the Markdown preview (test/ver-regla.test.ts); the hover's link needs trust.
        const extension = readFileSync(path.join(REPO, 'client/src/activate.ts'), 'utf-8');
        expect(extension).toContain("initializationOptions: { commands: ['estructura.desactivarRegla', 'estructura.verRegla', 'estructura.verPlazas'] }");
        expect(extension).toContain("markdown: { isTrusted: { enabledCommands: ['estructura.verRegla'] } }");
    });
});

describe('rule isolation', () => {
    it('turns an exception in one rule into one diagnostic naming it; the other rules still report', async () => {
        const ws = await buildWorkspace({ 'a.estructura': FILE });
        // Break the workspace index that numbering and duplicate ids read; cycles do not use it.
        Object.defineProperty(ws.services.structure.StructureIndex, 'snapshot', { get() { throw new Error('índice roto'); } });
        await ws.update('a.estructura', FILE + ' ');
        const diagnostics = ws.docs['a.estructura'].diagnostics ?? [];
        const failed = withCode(diagnostics, 'estructura-regla-fallida');
        expect(failed.length).toBeGreaterThan(0);
        expect(failed.map(d => d.message)).toContain('La regla «estructura-numeracion» falló al revisar este elemento (índice roto); las demás reglas sí se aplicaron.');
        expect(withCode(diagnostics, 'estructura-ciclo')).toHaveLength(2);
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
            expect(withCode(first, 'estructura-ciclo')).toEqual([]);
            writeFileSync(path.join(dir, 'estructura.json'), '{ "reglas": { "estructura-numeracion": "hint" } }');
            await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'estructura.json')).href, type: 2 }] });
            const after = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'estructura-ciclo'));
            expect(withCode(after, 'estructura-numeracion').map(d => d.severity)).toEqual([HINT]);
            expect(withCode(after, 'estructura-ciclo')).toHaveLength(2);
        } finally {
            await client.shutdown();
        }
    }, 40_000);
});

describe('over stdio: the commands a client declares at initialize (issue 19)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'estructura-commands-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'a.estructura'), FILE);

    /** The numbering diagnostic's link and the titles of its code actions, for one initialize. */
    async function seen(initializationOptions: unknown): Promise<{ href?: string; titles: string[] }> {
        const client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        try {
            const folder = pathToFileURL(dir).href;
            await client.request('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: {}, initializationOptions }, 20_000);
            await client.notify('initialized', {});
            const uri = pathToFileURL(path.join(dir, 'a.estructura')).href;
            const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'estructura-numeracion'));
            const numbering = withCode(diagnostics, 'estructura-numeracion')[0] as Diagnostic;
            const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: numbering.range, context: { diagnostics: [numbering] } }, 20_000) as Array<{ title: string }>;
            return { href: numbering.codeDescription?.href, titles: actions.map(a => a.title) };
        } finally {
            await client.shutdown();
        }
    }

    it('a client that declares nothing (Neovim\'s configuration) gets the file link and no «Desactivar la regla…»', async () => {
        const plain = await seen(undefined);
        expect(plain.href).toBe(`${pathToFileURL(path.join(REPO, 'docs/reglas.md')).href}#estructura-numeracion`);
        expect(plain.titles).toContain('Renumerar como 7.1.2');
        expect(plain.titles.filter(t => t.startsWith('Desactivar'))).toEqual([]);
    }, 40_000);

    it('the VS Code client\'s initializationOptions get the command link and «Desactivar la regla…»', async () => {
        const vscode = await seen({ commands: ['estructura.desactivarRegla', 'estructura.verRegla'] });
        expect(vscode.href).toBe('command:estructura.verRegla?%5B%22estructura-numeracion%22%5D');
        expect(vscode.titles.at(-1)).toBe('Desactivar la regla «estructura-numeracion» en este espacio de trabajo');
    }, 40_000);
});
