// The position rules on real data: the IFAI 2014 directory (test/fixtures/plazas/, public), imported
// with `estructura importar-plazas` (out/cli.cjs, as test/importar-plazas.test.ts runs it), then
// checked as `estructura revisar` would. What the README of ../shared/plazas says of the data
// is what the rules find: levels written two ways with two names, rows whose unit is not
// their superior's; the Secretarios (KA2) over Directores Generales (KB*) are no finding under
// the federal profile's default order (by grupo).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../server/src/workspace.js';

const REPO = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'estructura-puestos-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('position rules on the IFAI 2014 directory', () => {
    it('finds the catalog\'s two names per level and the rows outside their superior\'s unit', async () => {
        const out = path.join(scratch, 'ifai');
        const run = spawnSync(process.execPath, [path.join(REPO, 'bin/estructura.cjs'), 'importar-plazas',
            path.join(REPO, 'test/fixtures/plazas/ifai-2014-directorio-puestos.csv'), '--salida', out], { cwd: REPO, encoding: 'utf-8', timeout: 120_000 });
        expect(run.status).toBe(0);
        const { documents } = await loadWorkspace([out]);
        const found = new Map<string, string[]>();
        for (const document of documents) {
            for (const d of document.diagnostics ?? []) {
                const code = String(d.code);
                const message = typeof d.message === 'string' ? d.message : d.message.value;
                if (/^(puesto|plaza|tabulador)-/.test(code)) found.set(code, [...found.get(code) ?? [], message]);
            }
        }
        expect([...found.keys()].sort()).toEqual(['puesto-adscripcion-superior', 'puesto-nivel-denominacion']);
        const levels = new Set(found.get('puesto-nivel-denominacion')!.map(m => /del nivel «(\w+)»/.exec(m)![1]));
        // KA02 «CONTRALOR» / KA2 «COORDINADOR», OB02 «CHOFER» / OB2 «JEFE DE DEPARTAMENTO», MC03 / MC3, OC002 / OC02 / OC2.
        expect([...levels].sort()).toEqual(['KA02', 'KA2', 'MC03', 'MC3', 'OB02', 'OB2', 'OC002', 'OC02', 'OC2']);
        expect(found.get('puesto-adscripcion-superior')!.length).toBeGreaterThanOrEqual(1);
    }, 180_000);
});
