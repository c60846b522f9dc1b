// What a proposal does to plazas and cost, in `estructura comparar` and «Comparar con…»: a small
// hand-written pair (test/fixtures/comparar-plazas/antes → despues, with an illustrative tabulador)
// checked count by count and to the centavo, and the real SRE 2018 tabulador (extract, six levels)
// pricing a proposal that adds two J11 plazas.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateAt } from '../server/src/history/as-of.js';
import { compareSnapshots, type Comparison, type PlazaCounts } from '../server/src/history/compare.js';
import { pesos, pesosDelta } from '../server/src/history/pay-scale.js';
import { scalesFor } from '../server/src/history/plaza-changes.js';
import { comparisonJson, renderHtml, renderMarkdown, renderText } from '../server/src/history/render/index.js';
import { loadPayScaleFile, loadSide, SideError, type LoadedSide } from '../server/src/history/sides.js';
import type { CompararResponse } from '../server/src/protocol.js';
import { REPO } from './helpers/examples.js';
import { LspTestClient } from './helpers/lsp-client.js';

const FIXTURES = path.join(REPO, 'test/fixtures/comparar-plazas');
const BIN = path.join(REPO, 'bin/estructura.cjs');

async function side(name: string): Promise<LoadedSide> {
    return loadSide({ spec: name, defaultPaths: [], cwd: FIXTURES });
}

function estructura(...args: string[]) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: FIXTURES, encoding: 'utf-8', timeout: 45_000, env: { ...process.env, NO_COLOR: '1' } });
    if (result.error) throw result.error;
    return result;
}

/** The cells of the row that starts with `start` (after any indentation), in the part on plazas. */
function markdownRow(markdown: string, start: string): string[] | undefined {
    const line = markdown.slice(markdown.indexOf('## Plazas y costo por unidad')).split('\n').find(l => l.replace(/^\|[\s\u00a0]*/, '').startsWith(start));
    return line?.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map(c => c.trim().replace(/^[\u00a0]+/, ''));
}

const counts = (c: PlazaCounts) => [c.before, c.after, c.created, c.suppressed, c.movedIn, c.movedOut, c.relevelled];

describe('a hand-written proposal with an illustrative tabulador (every figure by hand)', () => {
    let comparison: Comparison;
    beforeAll(async () => {
        const [before, after] = [await side('antes'), await side('despues')];
        expect(before.payScale?.label).toBe('TAB_X «Tabulador ilustrativo» (Cifras ilustrativas para pruebas, 2024)');
        comparison = compareSnapshots(before.snapshot, after.snapshot, { payScales: scalesFor(before.payScale, after.payScale) });
    });

    it('counts plazas, not positions: 3 → 5 creates 2, 4 → 1 suppresses 3, a moved position moves its 2, a re-levelled one re-levels its 1', () => {
        const plazas = comparison.plazas!;
        const row = (id: string) => plazas.units.find(u => u.unit === id)!;
        //                              before after created suppressed in out relevelled
        expect(counts(row('X.DA').own)).toEqual([5, 5, 2, 0, 0, 2, 0]);
        expect(counts(row('X.DB').own)).toEqual([5, 5, 1, 3, 2, 0, 1]);
        expect(counts(row('X.DC').own)).toEqual([3, 0, 0, 3, 0, 0, 0]);
        expect(counts(row('X.DD').own)).toEqual([0, 1, 1, 0, 0, 0, 0]);
        // The Dirección General holds them all: the move from DA to DB stays inside it.
        expect(counts(row('X.DG').subtree)).toEqual([13, 11, 4, 6, 0, 0, 1]);
        expect(row('X.DG').own.before).toBe(0);
        expect(row('X.DC')).toMatchObject({ suppressed: true, depth: 1, name: 'Dirección C' });
        expect(plazas.units.map(u => u.unit)).toEqual(['X.DG', 'X.DA', 'X.DB', 'X.DD', 'X.DC']);
        expect(counts(plazas.total)).toEqual([13, 11, 4, 6, 0, 0, 1]);
        expect(plazas.total.moved).toBe(2);
        // after = before + created − suppressed + moved in − moved out, for every unit.
        for (const u of plazas.units) {
            for (const c of [u.own, u.subtree]) expect(c.after).toBe(c.before + c.created - c.suppressed + c.movedIn - c.movedOut);
        }
    });

    it('costs each version to the centavo; the unknown level P11 is counted apart, never as zero', () => {
        const plazas = comparison.plazas!;
        const cost = plazas.cost!;
        // MC3 80,000.10; NC1 45,000.25; OC1 25,000.05 (illustrative).
        // Before: 3 NC1 + 2 OC1 + 1 MC3 + 4 OC1 + 1 MC3 = 135,000.75 + 50,000.10 + 80,000.10 + 100,000.20 + 80,000.10.
        expect(cost.monthlyBefore).toBe(44_500_125);
        // After: 5 NC1 + 2 OC1 + 1 NC1 + 1 OC1 + 1 MC3 = 225,001.25 + 50,000.10 + 45,000.25 + 25,000.05 + 80,000.10.
        expect(cost.monthlyAfter).toBe(42_500_175);
        expect(cost.annualBefore).toBe(12 * 44_500_125);
        expect(cost.annualAfter).toBe(12 * 42_500_175);
        expect(cost.unpriced).toEqual([
            { side: 'before', position: 'X.PC2', unit: 'X.DC', level: 'P11', plazas: 2 },
            { side: 'after', position: 'X.PB3', unit: 'X.DB', level: 'P11', plazas: 1 }
        ]);
        const row = (id: string) => plazas.units.find(u => u.unit === id)!.subtree;
        expect([row('X.DA').costBefore, row('X.DA').costAfter]).toEqual([18_500_085, 22_500_125]);
        expect([row('X.DB').costBefore, row('X.DB').costAfter, row('X.DB').unpricedAfter]).toEqual([18_000_030, 12_000_040, 1]);
        expect([row('X.DC').costBefore, row('X.DC').costAfter ?? 0, row('X.DC').unpricedBefore]).toEqual([8_000_010, 0, 2]);
        expect([plazas.total.unpricedBefore, plazas.total.unpricedAfter]).toEqual([2, 1]);
    });

    it('Markdown: the table «plazas y costo por unidad», money as Mexican pesos, the plazas without cost', () => {
        const markdown = renderMarkdown({ comparison });
        expect(markdown).toContain('## Plazas y costo por unidad');
        expect(markdownRow(markdown, 'Unidad')).toEqual(['Unidad', 'Plazas antes', 'Plazas después', 'Creadas', 'Suprimidas', 'Movidas', 'Reniveladas',
            'Costo mensual antes', 'Costo mensual después', 'Diferencia']);
        expect(markdownRow(markdown, '`X.DA`')).toEqual(['`X.DA` Dirección A', '5', '5', '2', '0', '-2', '0', '\\$185,000.85', '\\$225,001.25', '+\\$40,000.40']);
        expect(markdownRow(markdown, '`X.DB`')).toEqual(['`X.DB` Dirección B', '5', '5', '1', '3', '+2', '1', '\\$180,000.30', '\\$120,000.40 (1 plaza sin costo)', '-\\$59,999.90']);
        expect(markdownRow(markdown, '**Total**')).toEqual(['**Total**', '**13**', '**11**', '**4**', '**6**', '**2**', '**1**',
            '**\\$445,001.25 (2 plazas sin costo)**', '**\\$425,001.75 (1 plaza sin costo)**', '**-\\$19,999.50**']);
        expect(markdown).toContain('**Costo anual (12 meses):** antes \\$5,340,015.00; después \\$5,100,021.00; diferencia -\\$239,994.00.');
        expect(markdown).not.toContain('no es compensada');
        expect(markdownRow(markdown, 'después')).toEqual(['después', '`X.PB3`', '`X.DB`', 'P11', '1']);
    });

    it('JSON: plazas per unit (own and subtree), the total and the cost in pesos', () => {
        const json = comparisonJson({ comparison }) as { plazas: any };
        expect(json.plazas.total).toEqual({
            before: 13, after: 11, created: 4, suppressed: 6, movedIn: 0, movedOut: 0, relevelled: 1, moved: 2,
            monthlyBefore: 445001.25, monthlyAfter: 425001.75, monthlyDifference: -19999.5, unpricedBefore: 2, unpricedAfter: 1
        });
        expect(json.plazas.cost).toMatchObject({
            scaleBefore: 'TAB_X «Tabulador ilustrativo» (Cifras ilustrativas para pruebas, 2024)', monthlyDifference: -19999.5,
            annualBefore: 5340015, annualAfter: 5100021, annualDifference: -239994, increases: false
        });
        const db = json.plazas.units.find((u: any) => u.unit === 'X.DB');
        expect(db).toMatchObject({ name: 'Dirección B', depth: 1, suppressed: false, changed: true, own: { movedIn: 2, relevelled: 1 } });
        expect(Object.keys(db.own)).toEqual(Object.keys(json.plazas.units[0].subtree));
    });

    it('--unidad: only that unit; what came from outside it is moved in, in its row and the total', async () => {
        const [before, after] = [await side('antes'), await side('despues')];
        const scoped = compareSnapshots(before.snapshot, after.snapshot, { root: 'DB', payScales: scalesFor(before.payScale, after.payScale) }).plazas!;
        expect(scoped.units.map(u => [u.unit, u.depth])).toEqual([['X.DB', 0]]);
        expect(counts(scoped.total)).toEqual([5, 5, 1, 3, 2, 0, 1]);
    });
});

describe('the SRE 2018 tabulador (real extract): a proposal that adds two J11 plazas', () => {
    let comparison: Comparison;
    beforeAll(async () => {
        const given = await loadPayScaleFile('tabulador-sre-2018.estructura', FIXTURES);
        const [before, after] = [await side('sre-antes'), await side('sre-propuesta')];
        expect(before.payScale).toBeUndefined();
        comparison = compareSnapshots(before.snapshot, after.snapshot, { payScales: scalesFor(before.payScale, after.payScale, given) });
    });

    it('costs +2 × 174,348.42 a month, 12 months a year, and says the proposal is not compensated', () => {
        const cost = comparison.plazas!.cost!;
        // G11 219,371.46 + H11 208,274.20 + J11 174,348.42.
        expect(cost.monthlyBefore).toBe(60_199_408);
        expect(cost.monthlyAfter! - cost.monthlyBefore!).toBe(2 * 17_434_842);
        expect(cost.annualAfter! - cost.annualBefore!).toBe(12 * 2 * 17_434_842);
        expect(pesosDelta(cost.monthlyAfter! - cost.monthlyBefore!)).toBe('+$348,696.84');
        expect(pesos(cost.annualAfter! - cost.annualBefore!)).toBe('$4,184,362.08');
        expect(cost.unpriced).toEqual([]);
        const warning = 'La propuesta aumenta el costo en $348,696.84 mensuales ($4,184,362.08 anuales): no es compensada';
        expect(renderText({ comparison })).toContain(warning);
        expect(renderHtml({ comparison })).toContain(`<span class="alerta">${warning}`);
        expect(renderMarkdown({ comparison })).toContain(`**${warning.replace(/\$/g, '\\$')}`);
        expect(comparisonJson({ comparison }).plazas).toMatchObject({ cost: { monthlyDifference: 348696.84, annualDifference: 4184362.08, increases: true } });
    });

    it('the table: the Subsecretaría and the Secretaría above it, each +2 plazas and +$348,696.84', () => {
        const markdown = renderMarkdown({ comparison });
        expect(markdownRow(markdown, '`SRE.SEC`')).toEqual(['`SRE.SEC` Secretaría de Relaciones Exteriores', '3', '5', '2', '0', '0', '0',
            '\\$601,994.08', '\\$950,690.92', '+\\$348,696.84']);
        expect(markdownRow(markdown, '`SRE.SSRE`')).toEqual(['`SRE.SSRE` Subsecretaría de Relaciones Exteriores', '2', '4', '2', '0', '0', '0',
            '\\$382,622.62', '\\$731,319.46', '+\\$348,696.84']);
        // The unit whose plazas did not change is not listed.
        expect(markdownRow(markdown, '`SRE.UAJ`')).toBeUndefined();
        const html = renderHtml({ comparison });
        expect(html).toContain('<tr class="total"><td><span class="aspecto">Total</span></td><td>3</td><td>5</td><td>2</td><td>0</td><td>0</td><td>0</td><td>$601,994.08</td><td>$950,690.92</td><td>+$348,696.84</td></tr>');
    });

    it('estructura comparar --tabulador: the same figures; a file without tabulador or a spreadsheet is exit 2', () => {
        const run = estructura('comparar', 'sre-antes', 'sre-propuesta', '--tabulador', 'tabulador-sre-2018.estructura');
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('Costo mensual: antes $601,994.08; después $950,690.92; diferencia +$348,696.84.');
        expect(run.stdout).toContain('Costo anual (12 meses): antes $7,223,928.96; después $11,408,291.04; diferencia +$4,184,362.08.');
        const json = JSON.parse(estructura('comparar', 'sre-antes', 'sre-propuesta', '--tabulador', 'tabulador-sre-2018.estructura', '-f', 'json').stdout);
        expect(json.plazas.cost.scaleBefore).toMatch(/^SRE_2018 /);
        // Without a tabulador: plazas, no cost.
        const plain = JSON.parse(estructura('comparar', 'sre-antes', 'sre-propuesta', '-f', 'json').stdout);
        expect(plain.plazas.cost).toBeNull();
        expect(plain.plazas.total).toMatchObject({ before: 3, after: 5, created: 2, monthlyBefore: null });
        const none = estructura('comparar', 'sre-antes', 'sre-propuesta', '--tabulador', 'sre-antes');
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('no declara ningún tabulador');
    });
});

describe('the same tabulador as a spreadsheet: named with --tabulador, or in the workspace\'s estructura.json', () => {
    it('--tabulador file.csv reads the columns nivel and total_bruto: the same +$348,696.84', async () => {
        const given = await loadPayScaleFile('sre-2018-tabulador-mando-extracto.csv', FIXTURES);
        expect(given.label).toBe('sre-2018-tabulador-mando-extracto.csv');
        const [before, after] = [await side('sre-antes'), await side('sre-propuesta')];
        const cost = compareSnapshots(before.snapshot, after.snapshot, { payScales: scalesFor(undefined, undefined, given) }).plazas!.cost!;
        expect([cost.monthlyBefore, cost.monthlyAfter! - cost.monthlyBefore!]).toEqual([60_199_408, 34_869_684]);
    });

    it('a version whose estructura.json loads the CSV prices both (the other has none)', async () => {
        const [before, after] = [await side('sre-antes'), await side('sre-propuesta-json')];
        expect(after.payScale?.label).toBe('SRE_2018_CSV, archivo ../sre-2018-tabulador-mando-extracto.csv (SRE, tabulador de sueldos del personal de mando 2018 (extracto), 2018)');
        const cost = compareSnapshots(before.snapshot, after.snapshot, { payScales: scalesFor(before.payScale, after.payScale) }).plazas!.cost!;
        expect(cost.scale.before).toBe(cost.scale.after);
        expect(cost.monthlyAfter! - cost.monthlyBefore!).toBe(34_869_684);
        expect(after.snapshot.problems).toEqual([]);
    });
});

describe('what does not change', () => {
    it('a comparison without positions has no plazas section, and plazas null in JSON', async () => {
        const before = await side('sre-antes');
        const bare = { ...before.snapshot, positions: new Map() };
        const comparison = compareSnapshots(bare, bare);
        expect(comparison.plazas).toBeUndefined();
        expect(renderText({ comparison })).not.toContain('Plazas');
        expect(comparisonJson({ comparison }).plazas).toBeNull();
    });

    it('--al: positions have no dated history, so their plazas are the same on both sides', async () => {
        const today = await side('despues');
        const result = stateAt(today.snapshot, '2000-01-01');
        const comparison = compareSnapshots(result.state, today.snapshot, { payScales: scalesFor(today.payScale, today.payScale) });
        expect(counts(comparison.plazas!.total)).toEqual([11, 11, 0, 0, 0, 0, 0]);
        expect(comparison.plazas!.cost!.monthlyBefore).toBe(comparison.plazas!.cost!.monthlyAfter);
    });

    it('a missing --tabulador file is a SideError', async () => {
        await expect(loadPayScaleFile('no-existe.estructura', FIXTURES)).rejects.toBeInstanceOf(SideError);
    });
});

describe('«Comparar con…» (estructura/comparar) answers with the table', () => {
    let client: LspTestClient;
    beforeAll(async () => {
        client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        const folder = { uri: pathToFileURL(path.join(FIXTURES, 'despues')).href, name: 'despues' };
        await client.request('initialize', { processId: process.pid, rootUri: folder.uri, workspaceFolders: [folder], capabilities: { workspace: { configuration: false, workspaceFolders: true } } }, 20_000);
        await client.notify('initialized', {});
    }, 60_000);
    afterAll(() => client?.dispose());

    it('the folder antes/ against the editor\'s despues/, priced with the workspace\'s tabulador', async () => {
        const answer = await client.request<CompararResponse>('estructura/comparar', { base: { kind: 'carpeta', path: path.join(FIXTURES, 'antes') } }, 60_000);
        if ('error' in answer) throw new Error(answer.error);
        expect(answer.html).toContain('<h2>Plazas y costo por unidad</h2>');
        expect(answer.html).toContain('<td>$445,001.25 (2 plazas sin costo)</td><td>$425,001.75 (1 plaza sin costo)</td><td>-$19,999.50</td></tr>');
    });
});

describe('the language server reads a tabulador spreadsheet named by estructura.json', () => {
    // out/server.cjs keeps the spreadsheet reader in out/spreadsheets.cjs and imports it the first
    // time it reads a spreadsheet: this is that path, in the bundle an editor runs.
    let client: LspTestClient;
    beforeAll(async () => {
        client = LspTestClient.start(path.join(REPO, 'out/server.cjs'), REPO);
        const folder = { uri: pathToFileURL(path.join(FIXTURES, 'sre-propuesta-json')).href, name: 'sre-propuesta-json' };
        await client.request('initialize', { processId: process.pid, rootUri: folder.uri, workspaceFolders: [folder], capabilities: { workspace: { configuration: false, workspaceFolders: true } } }, 20_000);
        await client.notify('initialized', {});
    }, 60_000);
    afterAll(() => client?.dispose());

    it('«Comparar con…» the SRE proposal prices it with the CSV: +2 J11 plazas, +$348,696.84 a month', async () => {
        const answer = await client.request<CompararResponse>('estructura/comparar', { base: { kind: 'carpeta', path: path.join(FIXTURES, 'sre-antes') } }, 60_000);
        if ('error' in answer) throw new Error(answer.error);
        expect(answer.html).toContain('La propuesta aumenta el costo en $348,696.84 mensuales ($4,184,362.08 anuales): no es compensada');
    });
});
