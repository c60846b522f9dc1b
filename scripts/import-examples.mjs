// Regenerates examples/manuales/ from the real manual texts in examples/fuentes/manuales/ with the
// built command line (`npm run build` first). Manuals are imported in order into a fresh folder,
// each seeing the ones before it, so ids and cross-manual links do not depend on what was there.
//   node scripts/import-examples.mjs            rewrite examples/manuales/
//   node scripts/import-examples.mjs --comprobar  fail if examples/manuales/ is not up to date
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'examples', 'fuentes', 'manuales');
const target = path.join(root, 'examples', 'manuales');

export const MANUALS = [
    { file: 'imss-manual-organizacion-2018.txt', folder: 'imss-2018', profile: 'imss' },
    { file: 'imss-manual-direccion-operacion-evaluacion-2022.txt', folder: 'imss-doe-2022', profile: 'imss' },
    { file: 'imss-norma-estructuras-extracto-y-manual-sg.md', folder: 'imss-sg', profile: 'imss' },
    { file: 'issste-manual-organizacion-general-2018.txt', folder: 'issste-2018', profile: 'issste' },
    { file: 'sener-manual-organizacion-general-dof-2026-extracto.txt', folder: 'sener-2026', profile: 'apf' }
];

/** Imports every manual into `out` (created fresh); reports go to `reports` if given. */
export function importAll(out, reports) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const m of MANUALS) {
        const args = [path.join(root, 'out', 'cli.cjs'), 'importar', path.join(sources, m.file),
            '--salida', path.join(out, m.folder), '--perfil', m.profile, '--espacio', out, '--nombre', m.folder, '--sobrescribir'];
        if (reports) args.push('--reporte', path.join(reports, `${m.folder}.json`));
        process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf-8' }));
    }
}

function listFiles(dir) {
    return readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.estructura')).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    if (!existsSync(sources)) {
        console.error(`No se encuentran los manuales en ${sources}.`);
        process.exit(2);
    }
    const scratch = mkdtempSync(path.join(tmpdir(), 'estructura-ejemplos-'));
    const out = path.join(scratch, 'manuales');
    importAll(out);
    if (process.argv.includes('--comprobar')) {
        const expected = listFiles(out);
        const actual = existsSync(target) ? listFiles(target) : [];
        const stale = expected.filter(f => !actual.includes(f) || readFileSync(path.join(out, f), 'utf-8') !== readFileSync(path.join(target, f), 'utf-8'));
        const extra = actual.filter(f => !expected.includes(f));
        rmSync(scratch, { recursive: true, force: true });
        if (stale.length || extra.length) {
            console.error(`examples/manuales/ no está al día (${[...stale, ...extra].join(', ')}); ejecute: node scripts/import-examples.mjs`);
            process.exit(1);
        }
        console.log('examples/manuales/ está al día.');
    } else {
        rmSync(target, { recursive: true, force: true });
        cpSync(out, target, { recursive: true });
        rmSync(scratch, { recursive: true, force: true });
        console.log(`examples/manuales/: ${listFiles(target).length} archivos.`);
    }
}
