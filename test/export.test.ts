// `estructura exportar` on the real examples: the JSON model has every unit, function, position and
// change the loaded workspace has; the Markdown and the HTML hold every function and inciso text;
// the SVG charts are well-formed XML with one box per unit and no PHAE; the command line writes only
// where told and never overwrites without --sobrescribir.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCambio, isPuesto, isUnidad, type Documento } from '../server/src/language/generated/ast.js';
import { manualKey, structureElements } from '../server/src/language/model.js';
import { buildManualDocuments, compareNumbers, type ManualDocument } from '../server/src/export/manual-document.js';
import { manualHtml } from '../server/src/export/html.js';
import { manualMarkdown } from '../server/src/export/markdown.js';
import { modelJson } from '../server/src/export/model-json.js';
import { staticChartSvg } from '../server/src/export/charts.js';
import { ChartBuilder, chartBoxes } from '../server/src/organigrama/index.js';
import { loadWorkspace, type LoadedWorkspace } from '../server/src/workspace.js';
import { EXAMPLES, REPO } from './helpers/examples.js';
import { mutate, Rng } from './helpers/fuzz.js';
import { syntaxErrorCount } from './helpers/function-texts.js';
import { buildWorkspace, exampleFiles } from './helpers/workspace.js';

const BIN = path.join(REPO, 'bin/estructura.cjs');

interface Counts { units: number; functions: number; incisos: number; positions: number; changes: number }

/** What the loaded workspace holds per manual, counted straight from the ASTs. */
function workspaceCounts(documents: Iterable<LangiumDocument>): Map<string, Counts> {
    const counts = new Map<string, Counts>();
    for (const document of documents) {
        const root = document.parseResult.value as Documento;
        const key = manualKey(root);
        const c = counts.get(key) ?? { units: 0, functions: 0, incisos: 0, positions: 0, changes: 0 };
        for (const element of structureElements(root)) {
            if (isUnidad(element)) {
                c.units++;
                c.functions += element.funciones.length;
                for (const fn of element.funciones) c.incisos += fn.incisos.length;
            } else if (isPuesto(element)) c.positions++;
            else if (isCambio(element)) c.changes++;
        }
        counts.set(key, c);
    }
    return counts;
}

/** Every function and inciso text of a manual's files (already with white space normalized). */
function textsOf(manual: ManualDocument): string[] {
    const texts: string[] = [];
    for (const document of manual.files) {
        for (const element of structureElements(document.parseResult.value)) {
            if (!isUnidad(element)) continue;
            for (const fn of element.funciones) {
                texts.push(fn.texto);
                for (const inciso of fn.incisos) texts.push(inciso.texto);
            }
        }
    }
    return texts;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
const decodeHtml = (html: string) => squeeze(html.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!));
const unescapeMarkdown = (md: string) => squeeze(md.replace(/\\(.)/g, '$1'));

/**
 * A small XML well-formedness check (the repo has no XML parser): one root element, tags nested
 * and closed, attributes quoted and unique, no raw `<` or stray `&` in text or attribute values.
 */
function assertWellFormedXml(xml: string): void {
    const stack: string[] = [];
    let roots = 0;
    const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|[^<]+|</g;
    const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
    let m: RegExpExecArray | null;
    while ((m = token.exec(xml))) {
        const [text, close, open, attributes, selfClosing] = m;
        if (close) {
            const top = stack.pop();
            if (top !== close) throw new Error(`</${close}> closes <${top}> at offset ${m.index}`);
        } else if (open) {
            if (stack.length === 0) roots++;
            const names = [...(attributes ?? '').matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*')/g)];
            const seen = new Set<string>();
            for (const [, name, value] of names) {
                if (seen.has(name)) throw new Error(`repeated attribute ${name} in <${open}> at offset ${m.index}`);
                seen.add(name);
                if (entity.test(value)) throw new Error(`bad & in ${name}=${value}`);
            }
            if (!selfClosing) stack.push(open);
        } else if (text === '<') {
            throw new Error(`stray < at offset ${m.index}: ${xml.substring(m.index, m.index + 40)}`);
        } else if (!text.startsWith('<')) {
            if (stack.length === 0 && text.trim()) throw new Error(`text outside the root element at offset ${m.index}`);
            if (entity.test(text)) throw new Error(`bad & in text at offset ${m.index}: ${text.substring(0, 40)}`);
        }
    }
    if (stack.length > 0) throw new Error(`unclosed <${stack.join('> <')}>`);
    if (roots !== 1) throw new Error(`${roots} root elements`);
}

describe('export of the real examples (in process)', () => {
    let workspace: LoadedWorkspace;
    let manuals: ManualDocument[];

    beforeAll(async () => {
        workspace = await loadWorkspace([EXAMPLES], false);
        manuals = buildManualDocuments(workspace.documents);
    });

    it('gathers a split manual into one document: the DOE manual from its 7 files and the 3 PHAE example parts', () => {
        const doe = manuals.find(m => m.id === 'IMSS_DOE_2022')!;
        expect(doe.files.length).toBe(10);
        expect(path.basename(doe.files[0].uri.fsPath)).toBe('imss-doe-2022.estructura');
        expect(doe.units).toHaveLength(57);
        expect(doe.sections.map(s => s.titulo)).toEqual(['Introducción', 'Objetivo', 'Marco Jurídico – Administrativo', 'Atribuciones', 'Políticas', 'Organigramas']);
        // Number order, depth first: 7.1, 7.1.1, 7.1.1.1, …, 7.1.6…
        const numbers = doe.units.map(u => u.number!);
        expect(numbers[0]).toBe('7.1');
        expect([...numbers].sort(compareNumbers)).toEqual(numbers);
        // One page per first-level unit of a one-root manual.
        expect(doe.units.filter(u => u.pageBreak).map(u => u.number)).toEqual(['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.6']);
        // ISSSTE (staff units `.0.` come before the numbered sub-areas, as in code order).
        const issste = manuals.find(m => m.id === 'ISSSTE_2018')!;
        const da = issste.units.filter(u => u.number?.startsWith('5.') && u.depth === 1).map(u => u.number);
        expect(da.slice(0, 3)).toEqual(['5.0.1', '5.0.2', '5.1']);
    });

    it('JSON: parses back, with the units, functions, incisos, positions and changes of every manual', () => {
        const json = JSON.parse(JSON.stringify(modelJson(manuals, { base: REPO, mentions: workspace.services.structure.MentionIndex }))) as {
            version: number;
            manuals: Array<{ id: string; institution: string; units: Array<{ qualifiedId: string; functions: Array<{ text: string; incisos: unknown[] }> }>; positions: unknown[]; changes: unknown[]; references: Array<{ type: string; target: string | null }>; mentions: Array<{ kind: string; units: string[]; replacement: string | null; location: { file: string; line: number } }> }>;
        };
        expect(json.version).toBe(1);
        const expected = workspaceCounts(workspace.documents);
        expect(json.manuals.length).toBe(expected.size);
        for (const manual of json.manuals) {
            const want = expected.get(`${manual.institution}|${manual.id}`)!;
            const got = {
                units: manual.units.length,
                functions: manual.units.reduce((n, u) => n + u.functions.length, 0),
                incisos: manual.units.reduce((n, u) => n + u.functions.reduce((k, f) => k + f.incisos.length, 0), 0),
                positions: manual.positions.length,
                changes: manual.changes.length
            };
            expect(got, manual.id).toEqual(want);
        }
        const doe = json.manuals.find(m => m.id === 'IMSS_DOE_2022')!;
        // 22 imported from the manual's history, 2 in the third PHAE example part.
        expect(doe.changes.length).toBe(24);
        expect(doe.references).toContainEqual(expect.objectContaining({ type: 'adscrita-a', target: 'IMSS.DG' }));
        // Mentions of units in prose, resolved across manuals (the DOE names the institutional DIR).
        const mention = doe.mentions.find(m => m.units.includes('IMSS.DIR'));
        expect(mention).toBeDefined();
        expect(mention!.location.file).toMatch(/^examples\/manuales\/imss-doe-2022\//);
        // A variant spelling carries the official name to write instead.
        expect(doe.mentions.some(m => m.kind === 'variante' && m.units.length === 1 && m.replacement)).toBe(true);
        const issste = json.manuals.find(m => m.id === 'ISSSTE_2018')!;
        expect(issste.units.length).toBe(553);
    });

    it('Markdown and HTML hold every function and inciso text of every manual', () => {
        for (const manual of manuals) {
            const texts = textsOf(manual);
            const md = unescapeMarkdown(manualMarkdown(manual));
            const html = decodeHtml(manualHtml(manual, []));
            const missingMd = texts.filter(t => !md.includes(squeeze(t)));
            const missingHtml = texts.filter(t => !html.includes(squeeze(t)));
            expect(missingMd.slice(0, 3), `${manual.id}: ${missingMd.length} texts missing in Markdown`).toEqual([]);
            expect(missingHtml.slice(0, 3), `${manual.id}: ${missingHtml.length} texts missing in HTML`).toEqual([]);
        }
    });

    it('HTML is self-contained and printable: no remote content, print rules, page breaks, inline charts', async () => {
        const doe = manuals.find(m => m.id === 'IMSS_DOE_2022')!;
        const charts = new ChartBuilder(workspace.documents).statedCharts(doe.files[0].parseResult.value);
        expect(charts).toHaveLength(7);
        const html = manualHtml(doe, await Promise.all(charts.map(c => staticChartSvg(c))));
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('@media print');
        expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
        expect(html.match(/<section class="pagina">/g)).toHaveLength(6);
        expect(html.match(/<figure class="organigrama( ancha)?"><svg /g)).toHaveLength(7);
        // Charts much wider than tall print on landscape pages.
        expect(html).toContain('@page horizontal');
        expect(html.match(/<figure class="organigrama ancha">/g)!.length).toBeGreaterThan(0);
        // Header: title, institution, clave, vigencia, Acuerdos; the charts inside «Organigramas».
        expect(html).toContain('<h1>MANUAL DE ORGANIZACIÓN DE LA DIRECCIÓN DE OPERACIÓN Y EVALUACIÓN</h1>');
        expect(html).toContain('<tr><th>Clave</th><td>G000-002-001</td></tr>');
        expect(html).toContain('ACDO.AS2.HCT.270922/264.P.DA (2022-09-27)');
        expect(html.indexOf('<h2>Organigramas</h2>')).toBeLessThan(html.indexOf('<figure'));
        expect(html.indexOf('<figure')).toBeLessThan(html.indexOf('<h2>Funciones</h2>'));
        // The PHAE of the worked example is listed among the DOE's positions, never drawn.
        expect(html).toContain('Jefe de División (puesto homólogo de autorización específica)');
        const svgPart = html.substring(html.indexOf('<figure'), html.lastIndexOf('</figure>'));
        expect(svgPart).not.toContain('homólogo');
    });

    it('SVG charts are well-formed XML with one box per unit and no PHAE', async () => {
        const builder = new ChartBuilder(workspace.documents);
        for (const manual of manuals.filter(m => m.units.length > 0)) {
            for (const chart of builder.statedCharts(manual.files[0].parseResult.value)) {
                const svg = await staticChartSvg(chart);
                assertWellFormedXml(svg);
                expect(svg.match(/<g class="caja"/g)?.length ?? 0, chart.title).toBe([...chartBoxes(chart)].length);
                expect(svg).not.toContain('homólogo');
                // A printed chart has no +/− buttons.
                expect(svg).not.toContain('alternar');
                expect(svg).not.toContain('tabindex');
            }
        }
        const doe = manuals.find(m => m.id === 'IMSS_DOE_2022')!;
        const whole = builder.manualChart(doe.files[0].parseResult.value);
        expect([...chartBoxes(whole)].length).toBe(57);
    });

    it('the well-formedness check catches broken markup', () => {
        expect(() => assertWellFormedXml('<svg><g></svg>')).toThrow();
        expect(() => assertWellFormedXml('<svg a="1" a="2"/>')).toThrow();
        expect(() => assertWellFormedXml('<svg>A & B</svg>')).toThrow();
        expect(() => assertWellFormedXml('<svg><text>a < b</text></svg>')).toThrow();
        expect(() => assertWellFormedXml('<svg/><svg/>')).toThrow();
        expect(() => assertWellFormedXml('<svg><text x="1">A &amp; B</text></svg>')).not.toThrow();
    });
});

describe('estructura exportar (command line)', () => {
    let work: string;
    beforeAll(() => { work = mkdtempSync(path.join(tmpdir(), 'estructura-exportar-')); });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    const run = (...args: string[]) => {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf-8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
        if (r.error) throw r.error;
        return r;
    };

    it('writes one manual to stdout as JSON, and the English alias works', () => {
        const r = run('export', 'examples/manuales/imss-sg', '--formato', 'json');
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        const json = JSON.parse(r.stdout) as { version: number; manuals: Array<{ id: string; files: string[] }> };
        expect(json.manuals.map(m => m.id)).toEqual(['IMSS_SG']);
        expect(json.manuals[0].files).toEqual(['examples/manuales/imss-sg/imss-sg.estructura']);
    });

    it('writes a file, refuses to overwrite it without --sobrescribir, replaces it with it', () => {
        const target = path.join(work, 'doe.html');
        const first = run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'html', '--salida', target);
        expect(first.status, first.stderr).toBe(0);
        expect(readFileSync(target, 'utf-8')).toMatch(/^<!DOCTYPE html>/);
        writeFileSync(target, 'mío');
        const again = run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'html', '--salida', target);
        expect(again.status).toBe(2);
        expect(again.stderr).toContain('ya existe');
        expect(again.stderr).toContain('--sobrescribir');
        expect(readFileSync(target, 'utf-8')).toBe('mío');
        const forced = run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'html', '--salida', target, '--sobrescribir');
        expect(forced.status).toBe(0);
        expect(readFileSync(target, 'utf-8')).toMatch(/^<!DOCTYPE html>/);
    });

    it('several manuals need a folder; Markdown writes its charts beside each document and links them', () => {
        const stdout = run('exportar', 'examples/manuales', '--formato', 'md');
        expect(stdout.status).toBe(2);
        expect(stdout.stderr).toMatch(/se exportan 5 manuales .*--salida <carpeta>/);
        const folder = path.join(work, 'md');
        const r = run('exportar', 'examples/manuales', '--formato', 'md', '--salida', folder);
        expect(r.status, r.stderr).toBe(0);
        const files = readdirSync(folder).sort();
        expect(files.filter(f => f.endsWith('.md'))).toEqual(['imss-2018.md', 'imss-doe-2022.md', 'imss-sg.md', 'issste-2018.md', 'sener.md']);
        const md = readFileSync(path.join(folder, 'imss-doe-2022.md'), 'utf-8');
        const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(m => decodeURI(m[1]));
        expect(links).toHaveLength(7);
        for (const link of links) expect(existsSync(path.join(folder, link)), link).toBe(true);
        // A second run without --sobrescribir touches nothing.
        const again = run('exportar', 'examples/manuales', '--formato', 'md', '--salida', folder);
        expect(again.status).toBe(2);
        expect(again.stderr).toMatch(/ya existen \d+ archivos de salida/);
    });

    it('--espacio resolves references into other manuals without exporting them', () => {
        const alone = JSON.parse(run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'json').stdout) as { manuals: Array<{ id: string; units: Array<{ id: string; adscription: { target: string | null } | null }> }> };
        const withContext = JSON.parse(run('exportar', 'examples/manuales/imss-doe-2022', '--espacio', 'examples/manuales/imss-2018', '--formato', 'json').stdout) as typeof alone;
        expect(withContext.manuals.map(m => m.id)).toEqual(['IMSS_DOE_2022']);
        const doe = (json: typeof alone) => json.manuals[0].units.find(u => u.id === 'DOE')!;
        expect(doe(alone).adscription?.target).toBeNull();
        expect(doe(withContext).adscription?.target).toBe('IMSS.DG');
    });

    it('Markdown to stdout embeds the charts', () => {
        const r = run('exportar', 'examples/manuales/imss-sg', '--formato', 'md');
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^# MANUAL DE ORGANIZACIÓN DE LA SECRETARÍA GENERAL\n/);
        expect(r.stdout.match(/<svg xmlns=/g)).toHaveLength(1);
    });

    it('SVG: one chart to stdout, one file per chart in a folder', () => {
        const one = run('exportar', 'examples/manuales/imss-sg', '--formato', 'svg');
        expect(one.status, one.stderr).toBe(0);
        expect(one.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assertWellFormedXml(one.stdout);
        const many = run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'svg');
        expect(many.status).toBe(2);
        expect(many.stderr).toContain('7 organigramas');
        const folder = path.join(work, 'svg');
        const r = run('exportar', 'examples/manuales/imss-doe-2022', '--formato', 'svg', '--salida', folder);
        expect(r.status, r.stderr).toBe(0);
        expect(readdirSync(folder).filter(f => f.endsWith('.svg'))).toHaveLength(7);
    });

    it('a missing path, an unknown format or option: exit 2 with a clear message; a syntax error: exit 1 naming file and line', () => {
        const missing = run('exportar', 'examples/no-existe', '--formato', 'html');
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('examples/no-existe: no existe o no se puede leer');
        const format = run('exportar', 'examples/manuales/imss-sg', '--formato', 'pdf');
        expect(format.status).toBe(2);
        expect(format.stderr).toContain('formato desconocido «pdf»');
        expect(run('exportar', 'examples/manuales/imss-sg').stderr).toContain('indique el formato');
        expect(run('exportar', 'examples/manuales/imss-sg', '--formato', 'json', '--nada').status).toBe(2);
        const broken = path.join(work, 'roto.estructura');
        writeFileSync(broken, 'manual ROTO "Roto" {\n    institucion IMSS\n}\n\nunidad X "Equis" {\n    tipo Dirección\n    funciones { 1. "Sin cerrar }\n}\n');
        const r = run('exportar', broken, '--formato', 'json');
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/roto\.estructura:\d+:\d+ error de sintaxis/);
        const unknown = run('exportar', 'examples/manuales', '--formato', 'json', '--manual', 'NO_EXISTE');
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('no se encontró el manual «NO_EXISTE»');
    });
});

const pick = (files: Record<string, string>, ...names: string[]) => Object.fromEntries(names.map(n => [n, files[n]]));

describe('export of damaged files (fuzz, seed 11)', () => {
    // `exportar` refuses a file with syntax errors (tested with the CLI above); every other damage
    // (a broken reference, a duplicated id, a wrong number, a missing unit) is exported as written.
    it('any mutation of the DOE manual that still parses exports without an exception, losing no function or inciso text', async () => {
        const files = exampleFiles();
        const main = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
        const part = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';
        const rng = new Rng(11);
        const mutations = 120;
        let exported = 0;
        for (let i = 0; i < mutations; i++) {
            // One in three damages the main file (the manual's header and sections), the rest the part.
            const target = i % 3 === 0 ? main : part;
            const { op, text } = mutate(files[target], rng);
            const what = `mutation ${i} of ${path.basename(target)} (${op})`;
            const mutated = await buildWorkspace({ ...pick(files, main, part), [target]: text });
            const documents = Object.values(mutated.docs);
            const manuals = buildManualDocuments(documents);
            if (documents.some(d => syntaxErrorCount(d) > 0)) {
                // Not reachable from the command line, but the functions must not throw on a half-typed file.
                for (const manual of manuals) {
                    expect(() => manualMarkdown(manual), `${what}: Markdown`).not.toThrow();
                    expect(() => manualHtml(manual, []), `${what}: HTML`).not.toThrow();
                }
                expect(() => modelJson(manuals, { base: '/', mentions: mutated.services.structure.MentionIndex }), `${what}: JSON`).not.toThrow();
                continue;
            }
            exported++;
            for (const manual of manuals) {
                const texts = textsOf(manual);
                const md = unescapeMarkdown(manualMarkdown(manual));
                const html = decodeHtml(manualHtml(manual, []));
                expect(texts.filter(t => !md.includes(squeeze(t))).slice(0, 2), `${what}: Markdown`).toEqual([]);
                expect(texts.filter(t => !html.includes(squeeze(t))).slice(0, 2), `${what}: HTML`).toEqual([]);
            }
            // The JSON model still counts what the damaged workspace holds.
            const json = JSON.parse(JSON.stringify(modelJson(manuals, { base: '/', mentions: mutated.services.structure.MentionIndex }))) as {
                manuals: Array<{ id: string | null; institution: string | null; units: Array<{ functions: unknown[] }> }>;
            };
            const expected = workspaceCounts(documents);
            // A file whose header the mutation cut off is a manual without id or institution (null in the JSON).
            const keyOf = (m: { id: string | null; institution: string | null }) => `${m.institution ?? ''}|${m.id ?? ''}`;
            expect(json.manuals.map(keyOf).sort(), what).toEqual([...expected.keys()].sort());
            for (const manual of json.manuals) {
                const want = expected.get(keyOf(manual))!;
                expect(manual.units.length, `${what}: units of ${manual.id}`).toBe(want.units);
                expect(manual.units.reduce((n, u) => n + u.functions.length, 0), `${what}: functions of ${manual.id}`).toBe(want.functions);
            }
        }
        console.log(`export fuzz: ${exported} of ${mutations} mutations parse and were exported`);
        expect(exported).toBeGreaterThanOrEqual(30);
    }, 120_000);
});
