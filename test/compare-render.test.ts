// The reports of `estructura comparar` (server/src/history/render/) on real comparisons of the
// examples and on a small hand-made pair: what an analyst relies on in each format (the cuadro
// comparativo's row for a moved unit, its acts, the structure at a date as a tree, the word
// difference of an edited function, the warning of a change without act), that every format is
// safe with a hostile name, that links come from the href callback, that the JSON is versioned and
// round-trips, and that a comparison with thousands of differences renders fast.
import { beforeAll, describe, expect, it } from 'vitest';
import { stateAt, type StateAtDate } from '../server/src/history/as-of.js';
import { compareSnapshots, type Comparison, type Difference } from '../server/src/history/compare.js';
import { comparisonJson, renderHtml, renderMarkdown, renderText, type ReportInput } from '../server/src/history/render/index.js';
import { cloneSnapshot, snapshotOf, type ChangeRecord, type Place, type PositionState, type Snapshot, type UnitState } from '../server/src/history/snapshot.js';
import { loadWorkspace } from '../server/src/workspace.js';

const DATE = '2000-01-01';
const CEIR_ACT = 'ACDO.AS2.HCT.280421/99.P.DA';

/** The cells of a Markdown table row, split on the pipes that are not escaped. */
function cells(row: string): string[] {
    return row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map(c => c.trim());
}

/** The rows of the Markdown tables whose first cell mentions `id` as code. */
function rowsOf(markdown: string, id: string): string[][] {
    return markdown.split('\n').filter(line => line.startsWith('|') && cells(line)[0]?.includes(`\`${id}\``)).map(cells);
}

const href = (place: Place) => `https://repo.example/blob/main/${place.file}#L${place.line}`;

describe('a real comparison: imss-doe-2022 at 2000-01-01 against today', () => {
    let today: Snapshot;
    let at: StateAtDate;
    let comparison: Comparison;
    let input: ReportInput;

    beforeAll(async () => {
        const ws = await loadWorkspace(['examples/manuales/imss-doe-2022'], false);
        today = snapshotOf(ws.documents, { label: 'imss-doe-2022' });
        at = stateAt(today, DATE);
        comparison = compareSnapshots(at.state, today);
        input = { comparison, asOf: { date: DATE, result: at } };
    });

    it('has the moves the examples record (the premise of the assertions below)', () => {
        const move = comparison.differences.find(d => d.kind === 'unidad-movida' && d.unit === 'IMSS.CEIR');
        expect(move).toMatchObject({ before: 'IMSS.DOE', after: 'IMSS.UEOD' });
        expect(move!.records.map(r => r.act)).toContain(CEIR_ACT);
        expect(comparison.differences.some(d => d.kind === 'unidad-creada')).toBe(true);
        expect(at.applied.length).toBeGreaterThan(0);
        expect(at.skipped.length).toBeGreaterThan(0);
        expect(comparison.unfulfilled.length).toBeGreaterThan(0);
    });

    it('markdown: the cuadro comparativo has a row for IMSS.CEIR with both adscriptions and the act', () => {
        const markdown = renderMarkdown(input);
        expect(markdown).toContain('| Unidad | Situación actual | Situación propuesta | Acuerdo |');
        const [row, ...others] = rowsOf(markdown, 'IMSS.CEIR').filter(r => r[0].includes('Cambio de adscripción'));
        expect(others).toEqual([]);
        expect(row).toHaveLength(4);
        const [unit, current, proposed, act] = row;
        const formerName = at.state.units.get('IMSS.DOE')!.name;
        expect(unit).toContain(today.units.get('IMSS.CEIR')!.name);
        expect(current).toContain('`IMSS.DOE`');
        expect(current).toContain(formerName);
        expect(proposed).toContain('`IMSS.UEOD`');
        expect(proposed).toContain(today.units.get('IMSS.UEOD')!.name);
        // The units that went with it.
        expect(proposed).toContain('`IMSS.DESA`');
        expect(act).toContain(CEIR_ACT);
        expect(act).toContain('2021-04-28');
    });

    it('markdown: a created unit has no current situation', () => {
        const markdown = renderMarkdown(input);
        for (const d of comparison.differences.filter(x => x.kind === 'unidad-creada')) {
            const [row] = rowsOf(markdown, d.unit!).filter(r => r[0].includes('Unidad creada'));
            expect(row[1]).toBe('—');
            expect(row[2]).toContain(d.unitName!);
        }
    });

    it('markdown: every unit difference is one row of the cuadro, in the comparison\'s order', () => {
        const markdown = renderMarkdown(input);
        const start = markdown.indexOf('## Cuadro comparativo');
        const rows = markdown.slice(start).split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| Unidad |') && !l.startsWith('| Fecha'));
        const units = comparison.differences.filter(d => d.kind.startsWith('unidad-'));
        expect(rows.slice(0, units.length).map(r => /`([^`]+)`/.exec(cells(r)[0])![1])).toEqual(units.map(d => d.unit));
    });

    it('text: header, the state at the date with its records and its tree, the differences and the summary', () => {
        const text = renderText(input);
        expect(text).toContain(`Antes:   estado al ${DATE} — 7 archivos, ${at.state.units.size} unidades, 0 puestos`);
        expect(text).toContain(`Después: imss-doe-2022 — 7 archivos, ${today.units.size} unidades, 0 puestos`);
        expect(text).toContain(`Estructura al ${DATE}`);
        expect(text).toContain(`Registros deshechos (${at.applied.length})`);
        for (const skipped of at.skipped) expect(text).toContain(skipped.reason);
        // The tree: the DOE of 2000 (a Coordinación then) with the UEOD one level below it.
        const lines = text.split('\n');
        const doe = lines.findIndex(l => l.endsWith(`${at.state.units.get('IMSS.DOE')!.name} (IMSS.DOE)`));
        const ueod = lines.findIndex(l => l.endsWith('(IMSS.UEOD)'));
        expect(doe).toBeGreaterThan(0);
        expect(ueod).toBeGreaterThan(doe);
        const indent = (l: string) => /^ */.exec(l)![0].length;
        expect(indent(lines[ueod])).toBe(indent(lines[doe]) + 2);
        // Every unit of the state once in the tree.
        const start = lines.findIndex(l => l.startsWith(`  Unidades al ${DATE} (${at.state.units.size}):`));
        const treeLines = lines.slice(start + 1, lines.indexOf('', start));
        expect(treeLines).toHaveLength(at.state.units.size);
        expect(new Set(treeLines.map(l => /\((IMSS\.[A-Z_]+)\)$/.exec(l)![1])).size).toBe(at.state.units.size);
        // The move, its values, its act with the record's place as file:line.
        const move = comparison.differences.find(d => d.kind === 'unidad-movida' && d.unit === 'IMSS.CEIR')!;
        expect(text).toMatch(/Cambio de adscripción {2}IMSS\.CEIR /);
        expect(text).toContain(`antes:   ${move.beforeName} (IMSS.DOE)`);
        expect(text).toContain(`después: ${move.afterName} (IMSS.UEOD)`);
        const record = move.records.find(r => r.act === CEIR_ACT)!;
        expect(text).toContain(`acuerdo: ${CEIR_ACT} (2021-04-28, adscripción)  ${record.place!.file}:${record.place!.line}`);
        // The records without a visible change, with their reason.
        expect(text).toContain(`Registros sin cambio visible (${comparison.unfulfilled.length})`);
        for (const u of comparison.unfulfilled) expect(text).toContain(u.reason);
        // The summary counts each kind.
        const summary = lines.find(l => l.startsWith('Resumen: '))!;
        const moves = comparison.differences.filter(d => d.kind === 'unidad-movida').length;
        expect(summary).toContain(`${comparison.differences.length} diferencias`);
        expect(summary).toContain(`Cambio de adscripción: ${moves}`);
        expect(summary).toContain(`${comparison.unfulfilled.length} registros sin cambio visible`);
        expect(text).not.toContain('\x1b[');
    });

    it('text with color uses ANSI codes, and without them says the same', () => {
        const colored = renderText(input, { color: true });
        expect(colored).toContain('\x1b[');
        expect(colored.replace(/\x1b\[\d+m/g, '')).toBe(renderText(input));
    });

    it('links: markdown and HTML link the unit and the act where href gives a URL; text prints file:line', () => {
        const move = comparison.differences.find(d => d.kind === 'unidad-movida' && d.unit === 'IMSS.CEIR')!;
        const unitUrl = href(move.placeAfter!);
        const actUrl = href(move.records.find(r => r.act === CEIR_ACT)!.place!);
        const markdown = renderMarkdown(input, { href });
        expect(markdown).toContain(`[\`IMSS.CEIR\`](${unitUrl})`);
        expect(markdown).toContain(`[${CEIR_ACT}](${actUrl})`);
        const html = renderHtml(input, { href });
        expect(html).toContain(`<a href="${unitUrl}"><code>IMSS.CEIR</code></a>`);
        expect(html).toContain(`<a href="${actUrl}">${CEIR_ACT}</a>`);
        // Without href, no links at all.
        expect(renderMarkdown(input)).not.toMatch(/\]\(/);
        expect(renderHtml(input)).not.toContain('<a ');
        // A callback may decline a place.
        const some = renderMarkdown(input, { href: p => (p.file.endsWith('ueod.estructura') ? href(p) : undefined) });
        expect(some).toContain(`[\`IMSS.CEIR\`](${unitUrl})`);
        expect(some).not.toContain(`[${CEIR_ACT}](`);
        expect(renderText(input, { href })).toContain(`IMSS.CEIR ${move.unitName}  ${move.placeAfter!.file}:${move.placeAfter!.line}`);
    });

    it('HTML: a complete page, no scripts, balanced tags, the state at the date as nested lists', () => {
        const html = renderHtml(input, { title: 'Propuesta DOE' });
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="es">')).toBe(true);
        expect(html).toContain('<meta charset="utf-8">');
        expect(html).toContain('<title>Propuesta DOE</title>');
        expect(html).toMatch(/<style>[\s\S]*@media print/);
        expect(html).not.toMatch(/<script|<link |src=/i);
        for (const tag of ['table', 'ul', 'li', 'tr', 'section']) {
            expect(html.split(`<${tag}`).length, tag).toBe(html.split(`</${tag}>`).length);
        }
        expect(html).toContain('<th>Situación actual</th><th>Situación propuesta</th>');
        expect(html).toContain(`<h2>Estructura al ${DATE}</h2>`);
        expect(html.trimEnd().endsWith('</html>')).toBe(true);
    });

    it('JSON: versioned, round-trips, every difference with the same keys, counts that add up', () => {
        const json = comparisonJson(input);
        const parsed = JSON.parse(JSON.stringify(json));
        expect(parsed).toEqual(json);
        expect(parsed.version).toBe(1);
        expect(parsed.generator).toBe('estructura comparar');
        expect(parsed.before).toMatchObject({ label: `estado al ${DATE}`, units: at.state.units.size, files: 7 });
        expect(parsed.after.units).toBe(today.units.size);
        expect(parsed.differences).toHaveLength(comparison.differences.length);
        const keys = Object.keys(parsed.differences[0]).sort();
        for (const d of parsed.differences) expect(Object.keys(d).sort()).toEqual(keys);
        const move = parsed.differences.find((d: { kind: string; unit: string }) => d.kind === 'unidad-movida' && d.unit === 'IMSS.CEIR');
        expect(move).toMatchObject({ label: 'Cambio de adscripción', before: 'IMSS.DOE', after: 'IMSS.UEOD', uncovered: false });
        expect(move.records.some((r: { act: string; kind: string }) => r.act === CEIR_ACT && r.kind === 'adscripcion')).toBe(true);
        const byKind = parsed.summary.byKind as Record<string, number>;
        expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(comparison.differences.length);
        expect(parsed.summary.unfulfilled).toBe(comparison.unfulfilled.length);
        expect(parsed.asOf.date).toBe(DATE);
        expect(parsed.asOf.applied).toHaveLength(at.applied.length);
        expect(parsed.asOf.skipped.map((s: { reason: string }) => s.reason)).toEqual(at.skipped.map(s => s.reason));
        expect(parsed.asOf.units).toHaveLength(at.state.units.size);
        expect(comparisonJson({ comparison }).asOf).toBeNull();
    });

    it('is deterministic', () => {
        expect(renderText(input)).toBe(renderText(input));
        expect(renderMarkdown(input, { href })).toBe(renderMarkdown(input, { href }));
        expect(renderHtml(input, { href })).toBe(renderHtml(input, { href }));
        expect(JSON.stringify(comparisonJson(input))).toBe(JSON.stringify(comparisonJson(input)));
    });

    it('--unidad: the unit compared on each side is named in the header and in the JSON', () => {
        const scoped = compareSnapshots(at.state, today, { root: 'UEOD' });
        expect(renderText({ comparison: scoped })).toContain('  Solo IMSS.UEOD y las unidades que dependen de ella.\n');
        expect(renderMarkdown({ comparison: scoped })).toContain('Solo IMSS.UEOD y las unidades que dependen de ella.');
        expect(comparisonJson({ comparison: scoped }).scope).toEqual({ before: 'IMSS.UEOD', after: 'IMSS.UEOD' });
        expect(comparisonJson(input).scope).toBeNull();
    });

    it('without asOf there is no section of the state at a date; with no differences it says so', () => {
        const same = compareSnapshots(today, today);
        expect(same.differences).toEqual([]);
        const text = renderText({ comparison: same });
        expect(text).not.toContain('Estructura al');
        expect(text).toContain('Sin diferencias.');
        expect(text).toContain('Resumen: sin diferencias; 0 sin acuerdo que las autorice; 0 registros sin cambio visible.');
        expect(renderMarkdown({ comparison: same })).not.toContain('Cuadro comparativo');
    });
});

// A small pair of versions written by hand: function edits, positions, a hostile name, a change
// without act and a file that did not parse.
const place = (file: string, line: number): Place => ({ file, absolute: `/trabajo/${file}`, line });

function unit(id: string, name: string, parent: string | undefined, functions: string[], line: number, file = 'a.estructura'): UnitState {
    return {
        id, name, kind: name.split(' ')[0], kindDeclared: false, number: undefined, parent,
        functions: functions.map((text, i) => ({ text, place: place(file, line + 2 + i) })), place: place(file, line)
    };
}

function position(id: string, title: string, unitId: string, nivel: string, line: number, file = 'a.estructura'): PositionState {
    return { id, title, unit: unitId, nivel, clase: 'mando', plazas: 1, place: place(file, line) };
}

function snapshot(label: string, units: UnitState[], positions: PositionState[], records: ChangeRecord[] = []): Snapshot {
    return {
        label, units: new Map(units.map(u => [u.id, u])), positions: new Map(positions.map(p => [p.id, p])), records,
        problems: [], files: ['a.estructura']
    };
}

const HOSTILE = 'Coordinación <script>alert("x")</script> & Asociados | Pipa';

function handMade(): { before: Snapshot; after: Snapshot; comparison: Comparison } {
    const before = snapshot('antes', [
        unit('X.DIR', 'Dirección de Prueba', undefined, [
            'Establecer las políticas de evaluación de las unidades médicas.',
            'Coordinar la integración del informe anual.',
            'Supervisar el cumplimiento de los programas.',
            'Emitir los lineamientos de control interno.'
        ], 1),
        { ...unit('X.CA', 'Coordinación A', 'X.DIR', ['Operar el sistema.'], 20), number: '1.1' },
        unit('X.OLD', 'Coordinación Antigua', 'X.DIR', [], 60),
        unit('X.OLD_D', 'División Antigua', 'X.OLD', [], 70)
    ], [position('X.TIT_CA', 'Titular de la Coordinación A', 'X.CA', 'N31', 30)]);
    before.problems.push({ file: 'a.estructura', line: 7, message: "se esperaba '}'" });
    const after = snapshot('después', [
        unit('X.DIR', 'Dirección de Prueba', undefined, [
            'Establecer las políticas de supervisión de las unidades médicas y hospitalarias.',
            'Supervisar el cumplimiento de los programas.',
            'Coordinar la integración del informe anual.',
            'Difundir los resultados de las evaluaciones.'
        ], 1, 'b.estructura'),
        { ...unit('X.CA', 'Coordinación A', 'X.DIR', ['Operar el sistema.'], 20, 'b.estructura'), number: '1.2' },
        unit('X.HOSTIL', HOSTILE, 'X.DIR', [], 40, 'b.estructura')
    ], [
        position('X.TIT_CA', 'Titular de la Coordinación A', 'X.CA', 'N33', 30, 'b.estructura'),
        position('X.TIT_H', 'Titular | <b>Hostil</b>', 'X.HOSTIL', 'N31', 50, 'b.estructura')
    ], [{
        key: 'b.estructura:90', act: 'ACDO.SUPRIME', date: '2024-01-01', kind: 'supresion', units: ['X.OLD'], positions: [],
        withSubtree: false, source: 'cambio', place: place('b.estructura', 90)
    }]);
    return { before, after, comparison: compareSnapshots(before, after) };
}

describe('a hand-made pair: function edits, positions, a hostile name', () => {
    const { comparison } = handMade();
    const input: ReportInput = { comparison };
    const kinds = (kind: Difference['kind']) => comparison.differences.filter(d => d.kind === kind);

    it('has the differences the assertions read (the premise)', () => {
        expect(kinds('funcion-modificada')).toHaveLength(1);
        expect(kinds('funcion-reordenada')).toHaveLength(1);
        expect(kinds('funcion-agregada')).toHaveLength(1);
        expect(kinds('funcion-eliminada')).toHaveLength(1);
        expect(kinds('unidad-creada')[0]).toMatchObject({ unit: 'X.HOSTIL', uncovered: true });
        expect(kinds('puesto-nivel')[0]).toMatchObject({ before: 'N31', after: 'N33' });
        expect(kinds('puesto-creado')).toHaveLength(1);
        expect(kinds('unidad-suprimida')[0]).toMatchObject({ unit: 'X.OLD', subtree: ['X.OLD_D'], uncovered: false });
        expect(kinds('unidad-renumerada')[0]).toMatchObject({ unit: 'X.CA', before: '1.1', after: '1.2', uncovered: false });
        expect(comparison.unfulfilled).toEqual([]);
    });

    it('text: a control character in a name cannot drive the terminal', () => {
        const hostile = handMade().comparison;
        hostile.differences.find(d => d.kind === 'unidad-creada')!.unitName = 'Unidad \x1b[2J\x1b]0;título\x07 borrada';
        const text = renderText({ comparison: hostile });
        expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
        expect(text).toContain('Unidad \ufffd[2J\ufffd]0;título\ufffd borrada');
        expect(renderText({ comparison: hostile }, { color: true }).replace(/\x1b\[\d+m/g, '')).toBe(text);
    });

    it('markdown: a suppressed unit with what went with it and its act; a renumbered unit needs none', () => {
        const markdown = renderMarkdown(input);
        const [suppressed] = rowsOf(markdown, 'X.OLD').filter(r => r[0].includes('Unidad suprimida'));
        expect(suppressed).toEqual([
            '`X.OLD` Coordinación Antigua<br>*Unidad suprimida*', 'Coordinación Antigua',
            '**Supresión**; con las unidades que dependían de ella (1): `X.OLD_D`', 'ACDO.SUPRIME (2024-01-01, supresión)'
        ]);
        const [renumbered] = rowsOf(markdown, 'X.CA').filter(r => r[0].includes('Cambio de número'));
        expect(renumbered.slice(1)).toEqual(['**Número:** 1.1', '**Número:** 1.2', '—']);
        const text = renderText(input);
        expect(text).toContain('Unidad suprimida  X.OLD Coordinación Antigua  a.estructura:60\n'
            + '      con las unidades que dependían de ella (1): X.OLD_D\n'
            + '      acuerdo: ACDO.SUPRIME (2024-01-01, supresión)  b.estructura:90\n');
    });

    it('text: the word difference with [-removed-]{+added+}, positions old → new, the missing act', () => {
        const text = renderText(input);
        expect(text).toContain('Establecer las políticas de [-evaluación-]{+supervisión+} de las unidades médicas {+y hospitalarias+}.');
        const reordered = kinds('funcion-reordenada')[0];
        expect(text).toContain(`Función reordenada, posición ${reordered.index!.before} → ${reordered.index!.after}`);
        expect(text).toContain('Función modificada, posición 1  b.estructura:3');
        expect(text).toContain('[-Emitir los lineamientos de control interno.-]');
        expect(text).toContain('{+Difundir los resultados de las evaluaciones.+}');
        expect(text).toMatch(/Unidad creada {2}X\.HOSTIL [^\n]*\n(?: {4}.*\n)* +sin acuerdo que lo autorice\n/);
        expect(text).toContain('Errores de sintaxis en antes (se comparó lo que se pudo leer):\n  a.estructura:7: se esperaba \'}\'');
        expect(text).toMatch(/Cambio de nivel del puesto {2}Puesto X\.TIT_CA en X\.CA Coordinación A/);
        expect(text).toContain('antes:   N31\n');
        expect(text).toMatch(/Resumen: 9 diferencias \(.*Función modificada: 1.*\); 3 sin acuerdo que las autorice; 0 registros sin cambio visible\./);
    });

    it('markdown: ~~removed~~ **added**, functions in their own section per unit, not in the cuadro', () => {
        const markdown = renderMarkdown(input);
        expect(markdown).toContain('Establecer las políticas de ~~evaluación~~**supervisión** de las unidades médicas **y hospitalarias**.');
        const functions = markdown.indexOf('## Funciones (4)');
        expect(functions).toBeGreaterThan(markdown.indexOf('## Cuadro comparativo'));
        expect(markdown).toContain('### `X.DIR` Dirección de Prueba (4)');
        const cuadro = markdown.slice(markdown.indexOf('## Cuadro comparativo'), functions);
        expect(cuadro).not.toContain('Función');
        expect(rowsOf(markdown, 'X.TIT_CA')).toEqual([]);
        const [level] = rowsOf(markdown, 'X.CA').filter(r => r[0].includes('Cambio de nivel del puesto'));
        expect(level[1]).toBe('Puesto `X.TIT_CA` — **Nivel:** N31');
        expect(level[2]).toBe('Puesto `X.TIT_CA` — **Nivel:** N33');
        expect(level[3]).toBe('**sin acuerdo que lo autorice**');
    });

    it('markdown: a hostile name cannot break the table nor inject HTML', () => {
        const markdown = renderMarkdown(input);
        const [row] = rowsOf(markdown, 'X.HOSTIL').filter(r => r[0].includes('Unidad creada'));
        expect(row).toHaveLength(4);
        expect(row[0]).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Asociados');
        expect(row[0]).toContain('\\| Pipa');
        expect(markdown).not.toMatch(/<script|<b>/);
        // A line break in a value stays inside its cell.
        const broken = handMade().comparison;
        broken.differences.find(d => d.kind === 'unidad-creada')!.unitName = 'Primera línea\nsegunda | línea';
        const [cell] = rowsOf(renderMarkdown({ comparison: broken }), 'X.HOSTIL').filter(r => r[0].includes('Unidad creada'));
        expect(cell).toHaveLength(4);
        expect(cell[0]).toContain('Primera línea<br>segunda \\| línea');
    });

    it('HTML: every text escaped, <del>/<ins> for the word difference, no javascript: links', () => {
        const html = renderHtml(input, { title: 'Título <i>raro</i> & "comillas"', href: p => (p.line === 40 ? 'javascript:alert(1)' : `https://x.example/${p.file}?a=1&b="2"`) });
        expect(html).not.toMatch(/<script|<b>Hostil|<i>raro/);
        expect(html).toContain('Coordinación &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Asociados | Pipa');
        expect(html).toContain('<title>Título &lt;i&gt;raro&lt;/i&gt; &amp; &quot;comillas&quot;</title>');
        expect(html).toContain('Establecer las políticas de <del>evaluación</del><ins>supervisión</ins> de las unidades médicas <ins>y hospitalarias</ins>.');
        expect(html).not.toContain('javascript:');
        expect(html).toContain('href="https://x.example/b.estructura?a=1&amp;b=&quot;2&quot;"');
        expect(html).toContain('<span class="alerta">sin acuerdo que lo autorice</span>');
        expect(html).toContain('a.estructura:7: se esperaba &#39;}&#39;');
    });

    it('JSON: the word difference and the function positions', () => {
        const parsed = JSON.parse(JSON.stringify(comparisonJson(input)));
        const edited = parsed.differences.find((d: { kind: string }) => d.kind === 'funcion-modificada');
        expect(edited.index).toEqual({ before: 1, after: 1 });
        expect(edited.words.filter((w: { change: string | null }) => w.change === 'removed').map((w: { text: string }) => w.text)).toEqual(['evaluación']);
        expect(edited.placeAfter).toEqual({ file: 'b.estructura', line: 3, absolute: '/trabajo/b.estructura' });
        const added = parsed.differences.find((d: { kind: string }) => d.kind === 'funcion-agregada');
        expect(added).toMatchObject({ words: null, before: null, index: { before: null, after: 4 } });
        expect(parsed.before.problems).toEqual([{ file: 'a.estructura', line: 7, message: "se esperaba '}'" }]);
        expect(parsed.summary.uncovered).toBe(3);
    });
});

describe('a big comparison', () => {
    it('renders thousands of differences in well under 100 ms per format', async () => {
        const ws = await loadWorkspace(['examples/manuales/issste-2018'], false);
        const before = snapshotOf(ws.documents, { label: 'issste-2018' });
        // Every unit renamed and moved, every function edited: thousands of differences.
        const after = cloneSnapshot(before, 'propuesta');
        const ids = [...after.units.keys()];
        for (const [i, u] of [...after.units.values()].entries()) {
            u.name = `${u.name} Reformada`;
            if (i > 0) u.parent = ids[(i * 7) % i];
            u.functions = u.functions.map(f => ({ ...f, text: f.text.replace(/\b(de|la|el)\b/, 'del').replace(/\.$/, ', en su caso.') }));
        }
        const comparison = compareSnapshots(before, after);
        expect(before.units.size).toBeGreaterThan(500);
        expect(comparison.differences.length).toBeGreaterThan(3000);
        const at = stateAt(before, '2010-01-01');
        const input: ReportInput = { comparison, asOf: { date: '2010-01-01', result: at } };
        const renderers = {
            text: () => renderText(input, { color: true }),
            markdown: () => renderMarkdown(input, { href }),
            html: () => renderHtml(input, { href }),
            // The object; serializing 8 MB is JSON.stringify's time, not the renderer's.
            json: () => comparisonJson(input)
        };
        for (const [name, render] of Object.entries(renderers)) {
            render();
            // The best of a few rounds, and of the elapsed and the processor time: the time the code
            // takes, not the time it waits for a processor other work holds (tests run in parallel).
            let best = Infinity;
            for (let round = 0; round < 8; round++) {
                const cpu = process.cpuUsage();
                const start = performance.now();
                render();
                const elapsed = performance.now() - start;
                const used = process.cpuUsage(cpu);
                best = Math.min(best, elapsed, (used.user + used.system) / 1000);
            }
            expect(best, name).toBeLessThan(100);
        }
    });
});
