// The example files on disk, without loading the language services, so command-line and protocol
// tests can count and read them cheaply.
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES = path.join(REPO, 'examples');
/**
 * The public texts examples/manuales/ is imported from (`manuales/`) and the unit tables of an
 * independent parse of them (`golden/`), carried by the repository so its tests need nothing beside it.
 */
export const FUENTES = path.join(EXAMPLES, 'fuentes');

/** Every `.estructura` file under examples/, as paths relative to examples/, sorted. */
export function exampleFileNames(): string[] {
    const names: string[] = [];
    const visit = (dir: string) => {
        for (const entry of readdirSync(dir).sort()) {
            const full = path.join(dir, entry);
            if (statSync(full).isDirectory()) visit(full);
            else if (entry.endsWith('.estructura')) names.push(path.relative(EXAMPLES, full));
        }
    };
    visit(EXAMPLES);
    return names;
}

/** Every `.estructura` file under `dir` (relative to examples/), with the same walk. */
export function exampleFileNamesUnder(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return exampleFileNames().filter(name => name.startsWith(prefix));
}

/** Example files the editor tests point at, relative to examples/. */
export const INSTITUTIONAL = 'manuales/imss-2018/imss-2018.estructura';
export const DOE = 'manuales/imss-doe-2022/imss-doe-2022.estructura';
export const UEOD = 'manuales/imss-doe-2022/imss-doe-2022.7.1.1-ueod.estructura';
export const SG_MANUAL = 'manuales/imss-sg/imss-sg.estructura';
export const POSITIONS = 'ejemplos/imss-puestos.estructura';
export const ERRORS = 'ejemplos/con-errores.estructura';
export const CAPSOI = 'manuales/imss-doe-2022/imss-doe-2022.7.1.5-capsoi.estructura';
export const DRAFT = 'ejemplos/borrador-puestos-ucs.estructura';

/** A file a user is writing, not an example: it reaches a position of imss-puestos.estructura through a qualified id. */
export const DRAFT_TEXT = [
    'manual IMSS_PUESTOS_UCS "Puestos de la Unidad de Comunicación Social (borrador)" {',
    '    institucion IMSS',
    '}',
    '',
    'puesto TIT_UCS "Titular de la Unidad de Comunicación Social" {',
    '    clase mando',
    '    titular de UCS',
    '    reporta a IMSS.TIT_DG',
    '}',
    ''
].join('\n');
