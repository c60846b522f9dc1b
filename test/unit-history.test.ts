// The «Historia» of a unit or a position in its hover card: the change records about it across the
// workspace, oldest first, each linked to its record's line; kept right after edits.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, type Hover } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { Documento, Unidad } from '../server/src/language/generated/ast.js';
import { historyMarkdown, historyOf, HISTORY_LIMIT, type HistoryEntry } from '../server/src/lsp/unit-history.js';
import { DOE, UEOD } from './helpers/examples.js';
import { buildWorkspace, exampleFiles, lineOf, positionOf, textParams, uriOf, type TestWorkspace } from './helpers/workspace.js';

const PHAE_1 = 'ejemplos/phae-doe-2022/1-adscrito-a-la-direccion.estructura';
const PHAE_3 = 'ejemplos/phae-doe-2022/3-convertido-en-division.estructura';
const ADDED = 'ejemplos/cambios-de-prueba.estructura';

describe('the history of a unit in its hover', () => {
    let ws: TestWorkspace;
    const files = exampleFiles();
    const doc = (name: string): LangiumDocument<Documento> => ws.docs[name];

    beforeAll(async () => {
        ws = await buildWorkspace(files);
    });

    // Tests that edit the shared workspace put it back.
    afterEach(async () => {
        if (ws.docs[ADDED]) await ws.remove(ADDED);
        for (const name of [DOE, UEOD]) if (doc(name).textDocument.getText() !== files[name]) await ws.update(name, files[name]);
    });

    async function hover(name: string, context: string, target: string): Promise<string> {
        const d = doc(name);
        const result = await ws.services.lsp.HoverProvider!.getHoverContent(d, textParams(d, positionOf(d, context, target)), CancellationToken.None) as Hover;
        expect(result, 'no hover').toBeTruthy();
        return (result.contents as { value: string }).value;
    }

    /** The «Historia» lines of a hover text. */
    function historyLines(text: string): string[] {
        const at = text.indexOf('**Historia**\n\n');
        if (at < 0) return [];
        return text.substring(at).split('\n\n')[1].split('\n');
    }

    /** The link to the record of `name` around the first line containing `needle`: `(uri#L<1-based line of its «cambio»>)`. */
    function linkTo(name: string, needle: string): string {
        const text = doc(name).textDocument.getText();
        const start = text.lastIndexOf('\ncambio ', text.indexOf(needle) + 1) + 1;
        return `(${uriOf(name).toString()}#L${doc(name).textDocument.positionAt(start).line + 1})`;
    }

    it('lists the changes of DOE oldest first, each linked to its record', async () => {
        const lines = historyLines(await hover(DOE, 'unidad DOE "', 'DOE'));
        const own = lines.filter(l => !/ · (recibió|cedió) /u.test(l));
        expect(own).toEqual([
            '- 2001-04-25 · transformada: «Coordinación de Asesores de la Dirección General» → «Unidad de Vinculación Institucional» · '
                + `[Acuerdo 177/2001]${linkTo(DOE, 'cambio "177/2001"')}`,
            '- 2013-12-11 · transformada: «Unidad de Vinculación Institucional» → «Dirección de Vinculación Institucional y Evaluación de Delegaciones» · '
                + `[Acuerdo ACDO.SA2.HCT.111213/361.P.DAED]${linkTo(DOE, 'cambio "ACDO.SA2.HCT.111213/361.P.DAED"')}`,
            '- 2021-04-28 · denominación «Dirección de Vinculación Institucional y Evaluación de Delegaciones» → «Dirección de Operación y Evaluación» · '
                + `[Acuerdo ACDO.AS2.HCT.280421/99.P.DA]${linkTo(DOE, 'nombre anterior "Dirección de Vinculación Institucional y Evaluación de Delegaciones"')}`
        ]);
        // What it gave and received, in short lines, among them a record of another file (the PHAE case).
        expect(lines).toContain('- 2021-04-28 · cedió «Coordinación de Evaluación de Incorporación y Recaudación» a «Unidad de Evaluación de Órganos Desconcentrados» · '
            + `[Acuerdo ACDO.AS2.HCT.280421/99.P.DA]${linkTo(DOE, 'unidades CEIR')}`);
        expect(lines).toContain('- 2021-04-28 · recibió «Unidad de Atención a la Derechohabiencia», «Coordinación de Atención y Orientación» y 4 más de «Dirección Jurídica» · '
            + `[Acuerdo ACDO.AS2.HCT.280421/99.P.DA]${linkTo(DOE, 'unidades UAD, CAO')}`);
        expect(lines).toContain('- 2022-08-31 · cedió el puesto «Jefe de División (puesto homólogo de autorización específica)» a '
            + '«Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional» · '
            + `[Acuerdo ACDO.AS2.HCT.310822/226.P.DA]${linkTo(PHAE_3, 'cambio "ACDO.AS2.HCT.310822/226.P.DA"')}`);
        expect(lines[lines.length - 1]).toBe('- 2022-09-27 · cedió unidades a «Dirección Jurídica», con su tramo de control · '
            + `[Acuerdo ACDO.AS2.HCT.270922/264.P.DA]${linkTo(DOE, 'cambio "ACDO.AS2.HCT.270922/264.P.DA"')}`);
        const dates = lines.map(l => l.split(' · ')[0]);
        expect(dates).toEqual([...dates].sort());
        expect(lines).toHaveLength(10);
    });

    it('shows the same history on a reference to the unit, in another file', async () => {
        const onDeclaration = historyLines(await hover(DOE, 'unidad DOE "', 'DOE'));
        expect(historyLines(await hover(UEOD, 'adscrita a DOE', 'DOE'))).toEqual(onDeclaration);
        expect(historyLines(await hover(DOE, 'unidades DOE', 'DOE'))).toEqual(onDeclaration);
    });

    it('shows the adscription of a unit recorded in another file, and the receiving side', async () => {
        const ceir = historyLines(await hover(UEOD, 'unidad CEIR', 'CEIR'));
        expect(ceir).toEqual([
            '- 2021-04-28 · adscripción «Dirección de Operación y Evaluación» → «Unidad de Evaluación de Órganos Desconcentrados» · '
                + `[Acuerdo ACDO.AS2.HCT.280421/99.P.DA]${linkTo(DOE, 'unidades CEIR')}`
        ]);
        const ueod = historyLines(await hover(UEOD, 'unidad UEOD', 'UEOD'));
        expect(ueod.map(l => l.split(' · [')[0])).toEqual([
            '- 2021-04-28 · denominación «Unidad de Evaluación de Delegaciones» → «Unidad de Evaluación de Órganos Desconcentrados»',
            '- 2021-04-28 · recibió «Coordinación de Evaluación de Incorporación y Recaudación» de «Dirección de Operación y Evaluación»'
        ]);
    });

    it('shows no Historia section for a unit no record concerns', async () => {
        const text = await hover(UEOD, 'unidad CECM', 'CECM');
        expect(text).toContain('**Coordinación de Evaluación de la Calidad Médica**');
        expect(text).not.toContain('Historia');
    });

    it('shows the records of a position, in another file than its declaration', async () => {
        const lines = historyLines(await hover(PHAE_1, 'puesto JD_PHAE_DOE', 'JD_PHAE_DOE'));
        expect(lines).toEqual([
            '- 2022-08-31 · reubicado; adscripción «Dirección de Operación y Evaluación» → «Coordinación de Análisis, Prospectiva y Seguimiento a la Operación Institucional» · '
                + `[Acuerdo ACDO.AS2.HCT.310822/226.P.DA]${linkTo(PHAE_3, 'tipo reubicación')}`,
            '- 2022-08-31 · transformado en la unidad «División de Análisis Prospectiva» · '
                + `[Acuerdo ACDO.AS2.HCT.310822/226.P.DA]${linkTo(PHAE_3, 'tipo transformación')}`
        ]);
    });

    it('follows edits: a record added in another file, by id or by name, an `anterior` line, moved lines', async () => {
        await ws.update(ADDED, [
            'parte de IMSS_DOE_2022 "Cambios de prueba" {',
            '    institucion IMSS',
            '}',
            '',
            'cambio "ACDO.PRUEBA/1" {',
            '    fecha 2023-05-10',
            '    tipo adscripción',
            '    unidades CECM',
            '    adscripción anterior UEOD',
            '    adscripción nueva DOE',
            '}',
            '',
            '// Names no unit: found by its new name, the official name of CECM.',
            'cambio oficio "OF/2" {',
            '    fecha 2010-03-01',
            '    tipo creación',
            '    nombre nuevo "Coordinación de Evaluación de la Calidad Médica"',
            '}',
            ''
        ].join('\n'));
        await ws.update(UEOD, files[UEOD].replace(
            'unidad CECM "Coordinación de Evaluación de la Calidad Médica" {\n',
            'unidad CECM "Coordinación de Evaluación de la Calidad Médica" {\n        anterior "Coordinación de Calidad Médica" hasta 2012-01-31\n'));
        const added = uriOf(ADDED).toString();
        const anterior = lineOf(doc(UEOD), 'anterior "Coordinación de Calidad Médica"') + 1;
        expect(historyLines(await hover(UEOD, 'unidad CECM', 'CECM'))).toEqual([
            `- 2010-03-01 · creada como «Coordinación de Evaluación de la Calidad Médica» · [oficio OF/2](${added}#L14)`,
            `- hasta 2012-01-31 · se llamaba «Coordinación de Calidad Médica» · [línea ${anterior}](${uriOf(UEOD).toString()}#L${anterior})`,
            `- 2023-05-10 · adscripción «Unidad de Evaluación de Órganos Desconcentrados» → «Dirección de Operación y Evaluación» · [Acuerdo ACDO.PRUEBA/1](${added}#L5)`
        ]);
        // The units on the other side of the move see it too.
        expect(historyLines(await hover(DOE, 'unidad DOE "', 'DOE'))).toContain(
            `- 2023-05-10 · recibió «Coordinación de Evaluación de la Calidad Médica» de «Unidad de Evaluación de Órganos Desconcentrados» · [Acuerdo ACDO.PRUEBA/1](${added}#L5)`);
        // Lines added above the records move their links.
        const before = lineOf(doc(DOE), 'cambio "177/2001"') + 1;
        await ws.update(DOE, `// Dos líneas\n// nuevas.\n${files[DOE]}`);
        expect(historyLines(await hover(DOE, 'unidad DOE "', 'DOE'))[0]).toContain(`#L${before + 2})`);
        // Removing the file removes its records.
        await ws.remove(ADDED);
        expect(historyLines(await hover(UEOD, 'unidad CECM', 'CECM'))).toHaveLength(1);
    });

    it('lists the newest entries of a long history and counts the older ones', () => {
        const unit = doc(DOE).parseResult.value.elementos.find(e => e.$type === 'Unidad') as Unidad;
        const entries = historyOf(unit, ws.shared.workspace.LangiumDocuments);
        expect(entries.map(e => e.role).slice(0, 3)).toEqual(['cambio', 'cambio', 'cede']);
        const many: HistoryEntry[] = [...entries, ...entries].map((e, i) => ({ ...e, date: `20${String(i).padStart(2, '0')}-01-01` }));
        const lines = historyMarkdown(many).split('\n\n')[1].split('\n');
        expect(lines).toHaveLength(HISTORY_LIMIT + 1);
        expect(lines[0]).toBe(`- *… y ${many.length - HISTORY_LIMIT} cambios anteriores*`);
        expect(lines[lines.length - 1]).toContain(`- 20${many.length - 1}-01-01 · `);
        expect(historyMarkdown([])).toBe('');
    });
});
