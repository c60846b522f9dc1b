// The importer on the real manuals: the report against the golden tables in examples/fuentes/golden/,
// every function text of the source present verbatim in the output, every line accounted for,
// and the generated files parsing and linking without errors.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importManual, type ImportResult } from '../server/src/importer/index.js';
import type { KnownUnit } from '../server/src/importer/emit.js';
import { joinLines, splitLines, stripMarkdown } from '../server/src/importer/source.js';
import { buildWorkspace } from './helpers/workspace.js';
import { isFuncion, isUnidad, type Documento } from '../server/src/language/generated/ast.js';
import { AstUtils } from 'langium';
import { FUENTES } from './helpers/examples.js';

export const SHARED = FUENTES;
const MANUALES = path.join(SHARED, 'manuales');
const GOLDEN = path.join(SHARED, 'golden');


function readTsv(name: string): Array<Record<string, string>> {
    const [header, ...rows] = readFileSync(path.join(GOLDEN, name), 'utf-8').trim().split('\n').map(l => l.split('\t'));
    return rows.map(cells => Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])));
}

function run(file: string, known: KnownUnit[] = []): ImportResult {
    return importManual(readFileSync(path.join(MANUALES, file)), file, { known });
}

function knownFrom(result: ImportResult): KnownUnit[] {
    return result.report.unidades.map(u => ({ id: u.id, name: u.nombre, kind: u.tipo, institution: result.manual.institution }));
}

/**
 * The source text of each unit's function list, rebuilt from the input lines the importer kept
 * (furniture dropped), must equal the functions and incisos it produced, in order: nothing
 * skipped between functions, nothing invented.
 */
function expectFunctionRegionsVerbatim(result: ImportResult, file: string): void {
    const lines = splitLines(readFileSync(path.join(MANUALES, file), 'utf-8'));
    const { manual } = result;
    const starts = manual.units.map(u => u.line).sort((a, b) => a - b);
    for (const unit of manual.units) {
        if (unit.functions.length === 0) continue;
        const first = unit.functions[0].line;
        const nextHeading = starts.find(l => l > first) ?? lines.length + 1;
        const kept = lines.slice(first - 1, nextHeading - 1).filter(l => manual.fates[l.line - 1]?.kind === 'kept').map(l => stripMarkdown(l.text));
        const fromSource = joinLines(kept).replace(/[\uf0b7\u2022]/gu, ' ');
        const produced = unit.functions.flatMap(f => [f.number ?? '', f.text, ...f.items.flatMap(i => [i.label === '-' ? '-' : `${i.label})`, i.text])]);
        expect(joinLines([fromSource]), `functions of ${unit.number} ${unit.name}`).toBe(joinLines(produced));
    }
}

describe('importing the IMSS institutional manual (2018)', () => {
    let result: ImportResult;
    beforeAll(() => { result = run('imss-manual-organizacion-2018.txt'); });

    it('finds the 14 headings of the golden table with their numbers, names, parents and function counts', () => {
        const golden = readTsv('imss-manual-2018-units.tsv');
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre ?? '', u.funciones]))
            .toEqual(golden.map(g => [g.number, g.name, g.parent_number, Number(g.functions)]));
        expect(result.report.funciones).toBe(308);
        expect(result.report.unidades.map(u => u.linea)).toEqual(golden.map(g => Number(g.heading_line)));
    });

    it('suggests kinds from the names, the grouping heading and the generic plural units', () => {
        const byNumber = new Map(result.manual.units.map(u => [u.number, u]));
        expect(byNumber.get('8.1')!.kind).toBe('Dirección General');
        expect(byNumber.get('8.1.5')!.kind).toBe('Dirección');
        expect(byNumber.get('8.1.11')).toMatchObject({ kind: 'Agrupación', grouping: true, functions: [] });
        expect(byNumber.get('8.1.11.1')).toMatchObject({ kind: 'Delegación', generic: true });
        expect(byNumber.get('8.1.11.2')).toMatchObject({ kind: 'UMAE', generic: true });
    });

    it('recovers bullet functions whose glyph was lost, incisos and closing clauses (the UMAE has none)', () => {
        const byNumber = new Map(result.manual.units.map(u => [u.number, u]));
        const dg = byNumber.get('8.1')!;
        expect(dg.functions[0].text).toMatch(/^Ejercer el poder para representar legalmente al Instituto como persona moral/u);
        expect(dg.functions.at(-1)).toMatchObject({ closing: true, text: 'Las demás que le confieran la Ley del Seguro Social, sus reglamentos y los Acuerdos del Consejo Técnico.' });
        const delegaciones = byNumber.get('8.1.11.1')!;
        const withItems = delegaciones.functions.find(f => f.items.length > 0)!;
        expect(withItems.items.map(i => i.label)).toEqual('abcdefghijklmnop'.split(''));
        expect(withItems.items[0].text).toBe('El registro de patrones y demás sujetos obligados;');
        expect(byNumber.get('8.1.11.2')!.functions.some(f => f.closing)).toBe(false);
        expect(result.manual.units.filter(u => u.functions.some(f => f.closing)).length).toBe(12);
    });

    it('keeps every function text verbatim and accounts for every line', () => {
        expectFunctionRegionsVerbatim(result, 'imss-manual-organizacion-2018.txt');
        const { lineas } = result.report;
        expect(lineas.total).toBe(2064);
        expect(lineas.conservadas + lineas.descartadas.length + lineas.sinReconocer.length).toBe(lineas.total);
        expect(lineas.sinReconocer).toEqual([]);
        expect(lineas.descartadasPorRegla['encabezado-dof']).toBe(2);
        expect(lineas.descartadas.filter(d => d.regla === 'encabezado-dof').map(d => d.linea)).toEqual([819, 965]);
    });

    it('reads the title, the organigrama vigencia, the Acuerdos with their dates and the sections', () => {
        expect(result.manual.title).toBe('MANUAL DE ORGANIZACIÓN DEL INSTITUTO MEXICANO DEL SEGURO SOCIAL');
        expect(result.manual.organigramas).toEqual([{ title: 'Organigrama Estructural', line: 795, vigencia: '2018-02-16' }]);
        expect(result.manual.acuerdos[0]).toEqual({ id: 'ACDO.SA2.HCT.250718/195.P.DA', date: '2018-07-25', line: 2 });
        expect(result.manual.sections.map(s => s.title)).toEqual([
            'Preámbulo', 'Introducción', 'Objetivo', 'Antecedentes Históricos', 'Marco Jurídico Administrativo', 'Atribuciones', 'Políticas', 'Organigrama Estructural'
        ]);
    });
});

describe('importing the Dirección de Operación y Evaluación manual (2022)', () => {
    let result: ImportResult;
    let institutional: ImportResult;
    beforeAll(() => {
        institutional = run('imss-manual-organizacion-2018.txt');
        result = run('imss-manual-direccion-operacion-evaluacion-2022.txt', knownFrom(institutional));
    });

    it('finds the 57 units and 766 functions of the golden table, wrapped headings joined', () => {
        const golden = readTsv('imss-doe-2022-units.tsv');
        expect(result.report.unidades.map(u => [u.numero, u.nombre, u.padre ?? '', u.funciones, u.linea]))
            .toEqual(golden.map(g => [g.number, g.name, g.parent_number, Number(g.functions), Number(g.heading_line)]));
        expect(result.report.funciones).toBe(766);
        // The golden table says "Coordinación" for the Coordinación Administrativa; the name's prefix is the more precise kind.
        expect(result.report.unidades.map(u => u.tipo)).toEqual(golden.map(g => (g.name === 'Coordinación Administrativa' ? 'Coordinación Administrativa' : g.kind)));
    });

    it('drops running titles wrapped over two lines and page footers, and keeps the clave', () => {
        const { descartadasPorRegla, sinReconocer } = result.report.lineas;
        expect(descartadasPorRegla['titulo-corrido']).toBe(14);
        expect(descartadasPorRegla['pagina']).toBe(7);
        expect(sinReconocer).toEqual([]);
        expect(result.manual.clave).toBe('G000-002-001');
        expectFunctionRegionsVerbatim(result, 'imss-manual-direccion-operacion-evaluacion-2022.txt');
    });

    it('joins a name hyphenated at a line end (IMSS-BIENESTAR) and functions split by page breaks', () => {
        const all = result.manual.units.flatMap(u => u.functions.map(f => f.text));
        expect(all.some(t => t.includes('Grupos de Conducción del Programa IMSS-BIENESTAR, a fin de'))).toBe(true);
        const doe = result.manual.units[0];
        expect(doe.functions[0].text).toBe('Determinar las políticas y estrategias para verificar la organización y funcionamiento de los Órganos de Operación Administrativa Desconcentrada y los Órganos Operativos, para garantizar la correcta conducción de los programas de salud y de las prestaciones, trámites y servicios que brinda el Instituto.');
        expect(doe.functions.at(-1)).toMatchObject({ number: '21.', closing: true });
    });

    it('turns the organigram section into dated organigramas, never into units', () => {
        expect(result.manual.organigramas).toHaveLength(7);
        expect(result.manual.organigramas.every(o => o.vigencia === '2022-10-01')).toBe(true);
        expect(result.report.listadosSinUnidad).toEqual([]);
        expect(result.manual.units.some(u => u.number.startsWith('6.'))).toBe(false);
        expect(result.manual.acuerdos.map(a => a.id)).toContain('ACDO.AS2.HCT.310822/226.P.DA');
    });

    it('attaches its root to the Dirección General of the institutional manual and splits per area', () => {
        // Because its text says so (Atribuciones), not because the workspace has a Dirección General.
        expect(result.report.avisos).toContain('La unidad raíz «Dirección de Operación y Evaluación» (7.1) se adscribe a «Dirección General» (IMSS.DG): el texto la declara en la línea 428: «…la Dirección de Operación y Evaluación, se encuentra adscrita a la Dirección General…».');
        expect(result.files.map(f => f.name)).toEqual([
            'imss-manual-direccion-operacion-evaluacion-2022.estructura',
            ...['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '7.1.6'].map(n => expect.stringMatching(new RegExp(`^imss-manual-direccion-operacion-evaluacion-2022\\.${n.replace(/\./g, '\\.')}-[a-z_]+\\.estructura$`, 'u')))
        ]);
        expect(result.files[0].text).toMatch(/unidad DOE "Dirección de Operación y Evaluación" \{\n {4}tipo Dirección\n {4}número 7\.1\n(?: {4}\/\/ .*\n)+ {4}adscrita a DG\n {4}órgano normativo\n/u);
        // Only the Dirección itself is an Órgano Normativo; its Unidades and Coordinaciones are not.
        expect(result.files.map(f => f.text.match(/órgano normativo/gu)?.length ?? 0).reduce((a, b) => a + b)).toBe(1);
        // In the institutional manual: the Secretaría General and the nine Direcciones under the Dirección General.
        expect(institutional.files[0].text.match(/\n {8}órgano normativo\n/gu)).toHaveLength(10);
    });
});

describe('importing the Secretaría General extract', () => {
    it('links its Secretaría General to the one of the institutional manual and keeps the Norma clauses', () => {
        const institutional = run('imss-manual-organizacion-2018.txt');
        const result = run('imss-norma-estructuras-extracto-y-manual-sg.md', knownFrom(institutional));
        expect(result.report.unidades).toEqual([expect.objectContaining({ numero: '7.1', nombre: 'Secretaría General', funciones: 21 })]);
        expect(result.files[0].text).toMatch(/\n {4}misma unidad que SG\n/u);
        const prose = result.manual.sections.flatMap(s => s.paragraphs.map(p => p.text)).join('\n');
        expect(prose).toContain('7.2.1.15 Los puestos homólogos de autorización específica estarán directamente adscritos');
        expect(result.report.lineas.sinReconocer).toEqual([]);
        expectFunctionRegionsVerbatim(result, 'imss-norma-estructuras-extracto-y-manual-sg.md');
    });
});

describe('importing the ISSSTE general manual', () => {
    let result: ImportResult;
    beforeAll(() => { result = run('issste-manual-organizacion-general-2018.txt'); });

    it('matches the golden table: 553 units, their codes, parents and 5,451 functions', () => {
        const golden = readTsv('issste-manual-2018-units.tsv');
        const mine = new Map(result.report.unidades.map(u => [u.numero, u]));
        expect(result.report.unidades).toHaveLength(553);
        expect(result.report.funciones).toBe(5451);
        for (const g of golden) {
            const u = mine.get(g.code);
            expect(u, g.code).toBeDefined();
            expect([u!.padre ?? '', u!.funciones], g.code).toEqual([g.parent_code, Number(g.n_functions)]);
        }
    });

    it('accounts for every line and splits the manual into one file per top-level area', () => {
        const { lineas } = result.report;
        // 16,993: the file has no final newline, so `wc -l` counts one less.
        expect(lineas.total).toBe(16993);
        expect(lineas.conservadas + lineas.descartadas.length + lineas.sinReconocer.length).toBe(lineas.total);
        const roots = result.manual.units.filter(u => u.parent === null);
        const names = result.files.map(f => f.name);
        for (const root of roots) expect(names.some(n => n.startsWith(`issste-manual-organizacion-general-2018.${root.number}-`)), root.number).toBe(true);
        // The Dirección de Administración (163 units) is split again per Subdirección: no file is huge.
        expect(names.filter(n => n.startsWith('issste-manual-organizacion-general-2018.5.')).length).toBeGreaterThan(5);
        expect(Math.max(...result.files.map(f => Buffer.byteLength(f.text)))).toBeLessThan(250_000);
        // No sentence of the text states where its ten top-level areas hang from.
        expect(result.report.avisos.filter(a => a.endsWith('queda sin adscripción: el texto no la declara.'))).toHaveLength(result.manual.units.filter(u => u.parent === null).length);
    });
});

describe('generated files', () => {
    it('parse and link without errors, and hold every function text of the four manuals', async () => {
        const institutional = run('imss-manual-organizacion-2018.txt');
        const known = knownFrom(institutional);
        const results = [
            institutional,
            run('imss-manual-direccion-operacion-evaluacion-2022.txt', known),
            run('imss-norma-estructuras-extracto-y-manual-sg.md', known),
            run('issste-manual-organizacion-general-2018.txt')
        ];
        const files = Object.fromEntries(results.flatMap(r => r.files.map(f => [f.name, f.text])));
        const ws = await buildWorkspace(files);
        for (const [name, doc] of Object.entries(ws.docs)) {
            const errors = (doc.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${name}:${d.range.start.line + 1} ${d.message}`);
            expect(errors, name).toEqual([]);
        }
        for (const r of results) {
            const parsed = r.files.flatMap(f => {
                const root = ws.docs[f.name].parseResult.value as Documento;
                return AstUtils.streamAllContents(root).filter(isFuncion).map(fn => fn.texto).toArray();
            });
            expect([...parsed].sort()).toEqual(r.manual.units.flatMap(u => u.functions.map(f => f.text)).sort());
            const units = r.files.flatMap(f => AstUtils.streamAllContents(ws.docs[f.name].parseResult.value).filter(isUnidad).toArray());
            expect(units.map(u => u.numero).sort()).toEqual(r.manual.units.map(u => u.number).sort());
        }
    }, 60_000);
});
