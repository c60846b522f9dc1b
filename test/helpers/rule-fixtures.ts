// Rule fixtures (docs/fixtures.md): `.estructura` files under test/fixtures/reglas/<código>/
// whose `// $TEST$ …` comments state the diagnostics the checker must report. This module parses
// those comments, loads a case as `estructura revisar` would, and compares.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/language/rules/catalog.js';
// The words `estructura revisar` prints (error, advertencia, informativo, sugerencia): the product's one table.
import { SEVERITIES, severityByWord, severityOf, type SeverityInfo } from '../../server/src/language/severity.js';
import { collectFiles, findConfigFile, loadWorkspace } from '../../server/src/workspace.js';
import { REPO } from './examples.js';

/** Codes every case checks, named or not: a fixture that does not parse, or a rule that throws, is never what the case means. */
export const ALWAYS_CHECKED = ['estructura-sintaxis', 'estructura-regla-fallida'];

export interface Expectation {
    /** 1-based line of the `$TEST$` comment, for messages. */
    readonly commentLine: number;
    /** 0-based line the expectation applies to: the next line that is neither blank nor a `//` comment. */
    readonly line: number;
    readonly severity: SeverityInfo;
    readonly code: string;
    /** `en "…"`: the exact text the range covers on that line, and where it starts. */
    readonly at?: { readonly text: string; readonly character: number };
    /** `mensaje "…"`: the exact message. */
    readonly message?: string;
    /** `contiene "…"`: substrings of the message. */
    readonly contains: readonly string[];
}

export interface FixtureFile {
    readonly file: string;
    readonly expectations: readonly Expectation[];
    /** `sin <código>`: codes this file must have no diagnostic of. */
    readonly without: ReadonlySet<string>;
    /** `sin otros`: every diagnostic of this file, of any code, must be expected. */
    readonly noOthers: boolean;
}

/** A malformed `$TEST$` comment; the message starts with `file:line:`. */
export class FixtureError extends Error {}

const MARK = '$TEST$';

/** Where a path is shown: relative to the repository. */
export function shown(file: string): string {
    return path.relative(REPO, file) || file;
}

interface Token { readonly text: string; readonly quoted: boolean }

function tokenize(source: string, fail: (message: string) => never): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (c === ' ' || c === '\t') { i++; continue; }
        if (c === '"') {
            let text = '';
            i++;
            for (;;) {
                if (i >= source.length) fail('comillas sin cerrar');
                const ch = source[i];
                if (ch === '\\' && i + 1 < source.length) { text += source[i + 1]; i += 2; continue; }
                if (ch === '"') { i++; break; }
                text += ch;
                i++;
            }
            tokens.push({ text, quoted: true });
            continue;
        }
        let word = '';
        while (i < source.length && source[i] !== ' ' && source[i] !== '\t' && source[i] !== '"') word += source[i++];
        tokens.push({ text: word, quoted: false });
    }
    return tokens;
}

const isCommentOrBlank = (line: string) => line.trim() === '' || line.trim().startsWith('//');

/** Parses the `$TEST$` comments of a fixture. Throws a FixtureError naming `file:line` for anything it cannot read. */
export function parseFixture(file: string, text: string): FixtureFile {
    const lines = text.split(/\r?\n/u);
    const expectations: Expectation[] = [];
    const without = new Map<string, number>();
    let noOthers = false;
    lines.forEach((raw, index) => {
        const lineNo = index + 1;
        const fail = (message: string): never => { throw new FixtureError(`${shown(file)}:${lineNo}: ${message}`); };
        const trimmed = raw.trim();
        const comment = /^\/\/\s*\$TEST\$(.*)$/u.exec(trimmed);
        if (!comment) {
            if (/\$te?st\$?/iu.test(raw)) fail(`«${MARK}» va solo al principio de un comentario «//» en su propia línea`);
            return;
        }
        const tokens = tokenize(comment[1], fail);
        if (tokens.length === 0) fail(`«${MARK}» sin nada después: se esperaba «<severidad> <código> …» o «sin <código>»`);
        const [first, ...rest] = tokens;
        if (first.quoted) fail(`se esperaba una severidad o «sin», no un texto entre comillas`);
        if (first.text === 'sin') {
            if (rest.length !== 1 || rest[0].quoted) fail('«sin» lleva un código de regla u «otros», y nada más');
            const code = rest[0].text;
            if (code === 'otros') { noOthers = true; return; }
            if (!RULES.has(code)) fail(`código de regla desconocido «${code}»`);
            without.set(code, lineNo);
            return;
        }
        const severity = severityByWord(first.text);
        if (!severity) fail(`severidad desconocida «${first.text}»: use ${SEVERITIES.map(s => s.word).join(', ')} o «sin»`);
        const codeToken = rest.shift();
        if (!codeToken || codeToken.quoted) fail('falta el código de la regla después de la severidad');
        const code = codeToken!.text;
        if (!RULES.has(code)) fail(`código de regla desconocido «${code}»`);
        let target = index + 1;
        while (target < lines.length && isCommentOrBlank(lines[target])) target++;
        if (target >= lines.length) fail('la expectativa no tiene una línea después a la que aplicarse');
        let at: Expectation['at'];
        let message: string | undefined;
        const contains: string[] = [];
        while (rest.length > 0) {
            const keyword = rest.shift()!;
            const value = rest.shift();
            if (keyword.quoted) fail(`texto entre comillas inesperado «${keyword.text}»: se esperaba en, mensaje o contiene`);
            if (!value || !value.quoted) fail(`«${keyword.text}» lleva un texto entre comillas`);
            switch (keyword.text) {
                case 'en': {
                    if (at) fail('«en» repetido');
                    if (value!.text === '') fail('«en ""» vacío');
                    let occurrence: number | undefined;
                    if (rest[0] && !rest[0].quoted && /^#\d+$/u.test(rest[0].text)) occurrence = Number(rest.shift()!.text.slice(1));
                    const targetText = lines[target];
                    const starts: number[] = [];
                    for (let from = targetText.indexOf(value!.text); from >= 0; from = targetText.indexOf(value!.text, from + 1)) starts.push(from);
                    if (starts.length === 0) fail(`«${value!.text}» no está en la línea ${target + 1}: ${targetText.trim()}`);
                    if (occurrence === undefined && starts.length > 1) {
                        fail(`«${value!.text}» aparece ${starts.length} veces en la línea ${target + 1}: indique cuál con #n después del texto`);
                    }
                    const nth = occurrence ?? 1;
                    if (nth < 1 || nth > starts.length) fail(`«${value!.text}» no aparece ${nth} veces en la línea ${target + 1}`);
                    at = { text: value!.text, character: starts[nth - 1] };
                    break;
                }
                case 'mensaje':
                    if (message !== undefined) fail('«mensaje» repetido');
                    message = value!.text;
                    break;
                case 'contiene':
                    contains.push(value!.text);
                    break;
                default:
                    fail(`palabra desconocida «${keyword.text}»: se esperaba en, mensaje o contiene`);
            }
        }
        expectations.push({ commentLine: lineNo, line: target, severity: severity!, code, at, message, contains });
    });
    for (const [code, lineNo] of without) {
        const clash = expectations.find(e => e.code === code);
        if (clash) throw new FixtureError(`${shown(file)}:${lineNo}: «sin ${code}» contradice la expectativa de la línea ${clash.commentLine}`);
    }
    return { file, expectations, without: new Set(without.keys()), noOthers };
}

export interface FixtureCase {
    readonly code: string;
    /** The file's name without `.estructura`, or the folder's name. */
    readonly name: string;
    /** A `.estructura` file (a case alone) or a folder (its files checked together). */
    readonly path: string;
}

/** The rule folders under `root` and their cases; `problems` lists what is not a case. */
export function discoverCases(root: string): { codes: string[]; cases: FixtureCase[]; problems: string[] } {
    const codes: string[] = [];
    const cases: FixtureCase[] = [];
    const problems: string[] = [];
    for (const code of readdirSync(root).sort()) {
        const folder = path.join(root, code);
        if (!statSync(folder).isDirectory()) {
            problems.push(`${shown(folder)}: solo carpetas con el código de una regla van aquí`);
            continue;
        }
        codes.push(code);
        for (const entry of readdirSync(folder).sort()) {
            const full = path.join(folder, entry);
            if (statSync(full).isDirectory()) cases.push({ code, name: entry, path: full });
            else if (entry.endsWith('.estructura')) cases.push({ code, name: entry.slice(0, -'.estructura'.length), path: full });
            else problems.push(`${shown(full)}: no es un caso (un archivo .estructura o una carpeta); un estructura.json va dentro de la carpeta de un caso`);
        }
    }
    return { codes, cases, problems };
}

/** What a diagnostic looks like as an expectation, to paste into a fixture. */
function asExpectation(d: Diagnostic, lineText: string): string {
    const covered = d.range.start.line === d.range.end.line ? lineText.slice(d.range.start.character, d.range.end.character) : undefined;
    const quote = (s: string) => `"${s.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    return `// $TEST$ ${severityOf(d.severity).word} ${String(d.code)}${covered ? ` en ${quote(covered)}` : ''} mensaje ${quote(message)}`;
}

function matches(e: Expectation, d: Diagnostic): boolean {
    if (String(d.code) !== e.code || severityOf(d.severity) !== e.severity || d.range.start.line !== e.line) return false;
    if (e.at && (d.range.start.character !== e.at.character || d.range.end.line !== e.line || d.range.end.character !== e.at.character + e.at.text.length)) return false;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    if (e.message !== undefined && message !== e.message) return false;
    return e.contains.every(part => message.includes(part));
}

/** A maximum matching of expectations to diagnostics (Kuhn's augmenting paths); returns, per expectation, its diagnostic's index or -1. */
function match(expectations: readonly Expectation[], diagnostics: readonly Diagnostic[]): number[] {
    const owner = new Array<number>(diagnostics.length).fill(-1);
    const assigned = new Array<number>(expectations.length).fill(-1);
    const tryAssign = (e: number, seen: boolean[]): boolean => {
        for (let d = 0; d < diagnostics.length; d++) {
            if (seen[d] || !matches(expectations[e], diagnostics[d])) continue;
            seen[d] = true;
            if (owner[d] < 0 || tryAssign(owner[d], seen)) {
                owner[d] = e;
                assigned[e] = d;
                return true;
            }
        }
        return false;
    };
    expectations.forEach((_, e) => tryAssign(e, new Array<boolean>(diagnostics.length).fill(false)));
    return assigned;
}

export interface CaseResult {
    /** Everything that differs, one line each; empty when the case passes. */
    readonly problems: string[];
    readonly fixtures: readonly FixtureFile[];
}

/**
 * Loads a case as `estructura revisar <path>` does (the same workspace build, and the
 * estructura.json it would find) and compares each file's diagnostics with its expectations.
 */
export async function checkCase(fixture: FixtureCase): Promise<CaseResult> {
    const problems: string[] = [];
    const isFolder = statSync(fixture.path).isDirectory();
    const { files } = await collectFiles([fixture.path]);
    if (files.length === 0) return { problems: [`${shown(fixture.path)}: el caso no tiene archivos .estructura`], fixtures: [] };
    const fixtures = files.map(file => parseFixture(file, readFileSync(file, 'utf-8')));
    if (fixtures.every(f => f.expectations.length === 0 && f.without.size === 0 && !f.noOthers)) {
        problems.push(`${shown(fixture.path)}: el caso no tiene ningún comentario «// ${MARK}»`);
    }
    const config = await findConfigFile([fixture.path]);
    const own = isFolder ? path.join(fixture.path, 'estructura.json') : undefined;
    if (config && config !== own) problems.push(`${shown(config)}: aplicaría a ${shown(fixture.path)}; un estructura.json va solo dentro de la carpeta de un caso`);
    const workspace = await loadWorkspace([fixture.path], true);
    for (const problem of workspace.problems) problems.push(`${shown(problem.file)}: ${problem.message}`);

    const checked = new Set<string>([fixture.code, ...ALWAYS_CHECKED]);
    for (const f of fixtures) {
        for (const e of f.expectations) checked.add(e.code);
        for (const code of f.without) checked.add(code);
    }
    for (const f of fixtures) {
        const document = workspace.documents.find(d => d.uri.fsPath === f.file);
        if (!document) {
            problems.push(`${shown(f.file)}: no se cargó`);
            continue;
        }
        const lines = document.textDocument.getText().split(/\r?\n/u);
        const diagnostics = (document.diagnostics ?? []).filter(d => f.noOthers || checked.has(String(d.code)));
        const assigned = match(f.expectations, diagnostics);
        const used = new Set(assigned.filter(d => d >= 0));
        f.expectations.forEach((e, i) => {
            if (assigned[i] >= 0) return;
            const details = [e.at && `en «${e.at.text}»`, e.message !== undefined && `mensaje «${e.message}»`, ...e.contains.map(c => `contiene «${c}»`)].filter(Boolean).join(', ');
            problems.push(`${shown(f.file)}:${e.commentLine}: no se reportó ${e.severity.word} ${e.code} en la línea ${e.line + 1}${details ? ` (${details})` : ''}`);
        });
        diagnostics.forEach((d, i) => {
            if (used.has(i)) return;
            const where = `${shown(f.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
            problems.push(`${where}: diagnóstico no esperado; como expectativa, encima de la línea ${d.range.start.line + 1}:\n    ${asExpectation(d, lines[d.range.start.line] ?? '')}`);
        });
    }
    return { problems, fixtures };
}
