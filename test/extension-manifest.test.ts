// The VS Code side as declared in package.json: language, grammar, language configuration, settings.
// Plain JSON and RegExp checks, no VS Code: the TextMate patterns are written so that they mean the
// same in JavaScript and in VS Code's Oniguruma (see scripts/textmate-unicode.mjs).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIENT_COMMANDS } from '../server/src/protocol.js';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf-8'));

interface Pattern { name?: string; match?: string; begin?: string; end?: string; patterns?: Pattern[]; include?: string }

const manifest = readJson('package.json');
const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'estructura');
const grammarContribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'estructura');
const languageConfiguration = readJson(language.configuration);
const grammar = readJson(grammarContribution.path);

/** The word VS Code takes at `offset` (double click, F2): the wordPattern match that contains it. */
function wordAt(line: string, offset: number): string | undefined {
    const regex = new RegExp(languageConfiguration.wordPattern, 'g');
    for (const m of line.matchAll(regex)) {
        if (m.index! <= offset && offset <= m.index! + m[0].length) return m[0];
    }
    return undefined;
}

function keywordRegex(): RegExp {
    const pattern = (grammar.patterns as Pattern[]).find(p => p.name === 'keyword.control.estructura');
    expect(pattern?.match).toBeTypeOf('string');
    return new RegExp(pattern!.match!, 'g');
}

const keywordsIn = (line: string) => [...line.matchAll(keywordRegex())].map(m => m[0]);

/** The patterns of .vscodeignore, one per line. */
const vscodeignore = () => readFileSync(path.join(root, '.vscodeignore'), 'utf-8').split('\n').map(l => l.trim());

describe('package.json', () => {
    it('contributes the language and its files', () => {
        expect(language.extensions).toEqual(['.estructura']);
        expect(language.aliases).toContain('Estructura');
        expect(language.configuration).toBe('./language-configuration.json');
        expect(existsSync(path.join(root, language.configuration))).toBe(true);
    });

    it('contributes the TextMate grammar', () => {
        expect(grammarContribution.scopeName).toBe('source.estructura');
        expect(grammarContribution.path).toBe('./syntaxes/estructura.tmLanguage.json');
        expect(grammar.scopeName).toBe('source.estructura');
    });

    it('activates on the language and on workspaces with .estructura files', () => {
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:estructura', 'workspaceContains:**/*.estructura']));
    });

    it('declares the trace setting and the workspace capabilities', () => {
        const trace = manifest.contributes.configuration.properties['estructura.trace.server'];
        expect(trace.enum).toEqual(['off', 'messages', 'verbose']);
        expect(trace.default).toBe('off');
        // The extension checks no trust state: it behaves the same in restricted mode, so it says
        // so (`true`, not `limited`); what it reads and the one file it writes are in the description,
        // and test/security.test.ts checks that the server never writes to the workspace.
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(manifest.capabilities.untrustedWorkspaces.description).toMatch(/solo lee los archivos \.estructura y estructura\.json/u);
        expect(manifest.capabilities.untrustedWorkspaces.description).toMatch(/SVG/u);
        // The server reads a virtual workspace's files through the editor (web worker and desktop
        // alike: test/web-server.test.ts); what needs the disk is named.
        expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
        expect(manifest.capabilities.virtualWorkspaces.description).toMatch(/Comparar con…/u);
        expect(manifest.capabilities.virtualWorkspaces.description).toMatch(/tabuladores en hojas de cálculo/u);
    });

    it('has a browser entry for VS Code for the Web, packaged with its worker server', () => {
        expect(manifest.browser).toBe('./out/web/extension.js');
        expect(vscodeignore()).toContain('!out/web/extension.js');
        expect(vscodeignore()).toContain('!out/web/server.js');
        const extension = readFileSync(path.join(root, 'client/src/extension-web.ts'), 'utf-8');
        expect(extension).toContain("Uri.joinPath(context.extensionUri, 'out', 'web', 'server.js')");
    });

    it('contributes the commands the extension registers, in the Estructura category', () => {
        const extension = readFileSync(path.join(root, 'client/src/activate.ts'), 'utf-8');
        const registered = [...extension.matchAll(/registerCommand\('([^']+)'/g)].map(m => m[1]).sort();
        const contributed = (manifest.contributes.commands as Array<{ command: string; category: string }>);
        expect(contributed.map(c => c.command).sort()).toEqual(registered);
        for (const command of contributed) expect(command.category).toBe('Estructura');
        const palette = manifest.contributes.menus.commandPalette as Array<{ command: string; when: string }>;
        expect(palette.map(p => p.command).sort()).toEqual(registered);
    });

    it('offers «Estructura: Comparar con…» wherever the extension runs, not only in an .estructura editor', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'estructura.comparar');
        expect(command).toMatchObject({ title: 'Comparar con…', category: 'Estructura' });
        const when = manifest.contributes.menus.commandPalette.find((p: { command: string }) => p.command === 'estructura.comparar').when;
        expect(when).toBe('estructura.activa || editorLangId == estructura');
        // The context key is set when the extension activates (a workspace with .estructura files).
        const extension = readFileSync(path.join(root, 'client/src/activate.ts'), 'utf-8');
        expect(extension).toContain("executeCommand('setContext', 'estructura.activa', true)");
    });

    it('offers «Estructura: Buscar unidad…» wherever the extension runs', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'estructura.buscarUnidad');
        expect(command).toMatchObject({ title: 'Buscar unidad…', category: 'Estructura' });
        const when = manifest.contributes.menus.commandPalette.find((p: { command: string }) => p.command === 'estructura.buscarUnidad').when;
        expect(when).toBe('estructura.activa || editorLangId == estructura');
    });

    it('contributes «Desactivar la regla…» (run from a diagnostic\'s code action), hidden from the palette', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'estructura.desactivarRegla');
        expect(command).toMatchObject({ category: 'Estructura' });
        const when = manifest.contributes.menus.commandPalette.find((p: { command: string }) => p.command === 'estructura.desactivarRegla').when;
        expect(when).toBe('false');
        // It sets the rule's entry of `estructura.reglas` (the per-rule setting) in the workspace.
        expect(manifest.contributes.configuration.properties['estructura.reglas'].properties['funcion-duplicada'].enum).toContain('off');
        const extension = readFileSync(path.join(root, 'client/src/activate.ts'), 'utf-8');
        expect(extension).toContain("config.update('reglas', { ...current, [code]: 'off' }, ConfigurationTarget.Workspace)");
    });

    it('contributes «Ver el catálogo de reglas» (estructura.verRegla, the link of each diagnostic\'s code) and declares the client\'s commands to the server', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'estructura.verRegla');
        expect(command).toMatchObject({ title: 'Ver el catálogo de reglas', category: 'Estructura' });
        const when = manifest.contributes.menus.commandPalette.find((p: { command: string }) => p.command === 'estructura.verRegla').when;
        expect(when).toBe('estructura.activa || editorLangId == estructura');
        // The catalog it opens is packaged.
        expect(vscodeignore()).toContain('!docs/reglas.md');
        const extension = readFileSync(path.join(root, 'client/src/activate.ts'), 'utf-8');
        expect(extension).toContain("commands.registerCommand('estructura.verRegla', (code?: unknown) => verRegla(context.extensionUri, code))");
        // Without this the server offers neither «Desactivar la regla…» nor command links (other editors lack the commands).
        expect(extension).toContain(`initializationOptions: { commands: [${CLIENT_COMMANDS.map(c => `'${c}'`).join(', ')}] }`);
    });

    it('contributes «Centrar el organigrama en la unidad del cursor» in the editor\'s context menu, registered by the extension', () => {
        const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'estructura.organigramaCentrar');
        expect(command).toMatchObject({ title: 'Centrar el organigrama en la unidad del cursor', category: 'Estructura' });
        expect(manifest.contributes.menus['editor/context'].map((m: { command: string }) => m.command)).toContain('estructura.organigramaCentrar');
        const extension = readFileSync(path.join(root, 'client/src/activate.ts'), 'utf-8');
        expect(extension).toContain("commands.registerCommand('estructura.organigramaCentrar', () => OrganigramaPanel.centre(context, started))");
    });

    it('sets editor defaults that fit prose in .estructura files: no word-based suggestions, word wrap', () => {
        // Word-based suggestions turned `institucion IMSS` into `IMSS_DOE_2022` on Enter; long
        // function texts scrolled the editor sideways.
        expect(manifest.contributes.configurationDefaults).toEqual({
            '[estructura]': { 'editor.wordBasedSuggestions': 'off', 'editor.wordWrap': 'on' }
        });
    });

    it('packages only what runs', () => {
        const ignore = vscodeignore();
        expect(ignore).toContain('**');
        for (const file of ['out/extension.cjs', 'out/server.cjs', 'syntaxes/estructura.tmLanguage.json', 'language-configuration.json']) {
            expect(ignore).toContain(`!${file}`);
        }
        expect(manifest.files).toBeUndefined(); // vsce refuses `files` together with .vscodeignore
    });

    it('packages every file the server loads lazily; the server bundle stays small', () => {
        const ignore = vscodeignore();
        const server = readFileSync(path.join(root, 'out/server.cjs'), 'utf-8');
        const lazy = [...server.matchAll(/import\("\.\/([^"]+)"\)/g)].map(m => `out/${m[1]}`);
        for (const file of lazy) expect(ignore).toContain(`!${file}`);
        // V8 compiles the whole bundle at every start of the server.
        expect(server.length).toBeLessThan(1_200_000);
    });
});

describe('language-configuration.json', () => {
    it('declares comments, brackets, pairs and region markers', () => {
        expect(languageConfiguration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(languageConfiguration.brackets).toEqual([['{', '}'], ['(', ')']]);
        expect(languageConfiguration.autoClosingPairs).toContainEqual({ open: '"', close: '"', notIn: ['string', 'comment'] });
        expect(new RegExp(languageConfiguration.folding.markers.start).test('    // #region Direcciones')).toBe(true);
        expect(new RegExp(languageConfiguration.folding.markers.end).test('    // #endregion')).toBe(true);
    });

    it('indents after an opening brace and outdents a closing one', () => {
        const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
        expect(increase.test('unidad DOE "Dirección de Operación y Evaluación" {')).toBe(true);
        expect(increase.test('    funciones {')).toBe(true);
        expect(increase.test('    puesto P "Titular" { clase mando }')).toBe(false);
        expect(increase.test('    // no {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
    });

    it('keeps accented words and identifiers whole', () => {
        expect(wordAt('    tipo Dirección General', 12)).toBe('Dirección');
        expect(wordAt('    número 7.1', 6)).toBe('número');
        expect(wordAt('    puesto TIT_DG "Titular"', 13)).toBe('TIT_DG');
        expect(wordAt('unidad ÁREA_ÑANDÚ "x"', 9)).toBe('ÁREA_ÑANDÚ');
    });

    it('takes the id of a qualified reference without the institution', () => {
        const line = '        reporta a IMSS.TIT_DG';
        expect(wordAt(line, line.indexOf('TIT_DG') + 2)).toBe('TIT_DG');
        expect(wordAt(line, line.indexOf('IMSS') + 1)).toBe('IMSS');
    });

    it('takes numbers and dates whole', () => {
        expect(wordAt('    número 7.1.1', 13)).toBe('7.1.1');
        expect(wordAt('    vigencia 2022-10-01', 18)).toBe('2022-10-01');
    });
});

describe('TextMate grammar', () => {
    it('highlights keywords with and without accents', () => {
        expect(keywordsIn('    número 7.1')).toEqual(['número']);
        expect(keywordsIn('    órgano normativo')).toEqual(['órgano', 'normativo']);
        expect(keywordsIn('    sección "2. Objetivo" {')).toEqual(['sección']);
        expect(keywordsIn('    organo normativo')).toEqual(['organo', 'normativo']);
        expect(keywordsIn('    estructura no básica')).toEqual(['estructura', 'no', 'básica']);
        expect(keywordsIn('        tipo denominación')).toEqual(['tipo', 'denominación']);
        expect(keywordsIn('    raíz DG')).toEqual(['raíz']);
    });

    it('does not highlight keywords inside identifiers', () => {
        expect(keywordsIn('    tipo Dirección')).toEqual(['tipo']);
        expect(keywordsIn('xórgano númeroX Xnúmero órganoÑ tipo_1 a1 ña')).toEqual([]);
    });

    it('uses no \\b or \\B, whose meaning differs between JavaScript and Oniguruma', () => {
        const match = (grammar.patterns as Pattern[]).find(p => p.name === 'keyword.control.estructura')!.match!;
        expect(match).not.toMatch(/\\[bB]/);
    });

    it('has a string rule that spans lines and keeps escaped quotes inside', () => {
        const string = (grammar.patterns as Pattern[]).find(p => p.name === 'string.quoted.double.estructura');
        expect(string).toBeDefined();
        // A begin/end rule (not a single-line `match`) continues on the following lines until `end`.
        expect(string!.match).toBeUndefined();
        expect(string!.begin).toBe('"');
        expect(string!.end).toBe('"');
        expect(string!.patterns).toContainEqual({ include: '#string-character-escape' });
        const escape = new RegExp(grammar.repository['string-character-escape'].match, 'y');
        expect(escape.exec('\\"')?.[0]).toBe('\\"');
    });

    it('is what the build step makes of Langium\'s generated pattern (deterministic, idempotent)', async () => {
        const modulePath = pathToFileURL(path.join(root, 'scripts', 'textmate-unicode.mjs')).href;
        const { fixGrammar } = await import(modulePath);
        const generated = { patterns: [{ name: 'keyword.control.estructura', match: '\\b(numero|número|tipo|a)\\b|\\B(órgano)\\b' }] };
        expect(fixGrammar(generated)).toBe(true);
        const once = generated.patterns[0].match;
        expect(fixGrammar(generated)).toBe(false);
        expect(generated.patterns[0].match).toBe(once);
        const regex = new RegExp(once, 'g');
        expect([...'    órgano número a tipo xórgano'.matchAll(regex)].map(m => m[0])).toEqual(['órgano', 'número', 'a', 'tipo']);
    });
});
