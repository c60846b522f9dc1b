// The example files on disk, without loading the language services, so command-line and protocol
// tests can count and read them cheaply.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** 1-based line of the only line of `file` (relative to the repository) containing `needle`. */
export function repoLineOf(file: string, needle: string): number {
    const lines = readFileSync(path.resolve(REPO, file), 'utf-8').split('\n');
    const found = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
    if (found.length !== 1) throw new Error(`expected exactly one line with «${needle}» in ${file}, found ${found.length}`);
    return found[0];
}

/**
 * The deliberate errors of examples/, as `file:code@line` (files relative to the repository,
 * 1-based lines), sorted: those of con-errores.estructura and the Norma 7.2.1.15 violation of the
 * 2022 PHAE case.
 */
export function deliberateErrors(): string[] {
    const errors = `examples/${ERRORS}`;
    const moved = 'examples/ejemplos/phae-doe-2022/2-reubicado-en-la-coordinacion.estructura';
    return [
        ...[
            `estructura-id-duplicado@${repoLineOf(errors, 'unidad UPA "Unidad de Pruebas A"')}`,
            `estructura-numeracion@${repoLineOf(errors, 'número 7.1.3')}`,
            `estructura-numeracion@${repoLineOf(errors, 'número 7.2.4')}`,
            `estructura-id-duplicado@${repoLineOf(errors, 'unidad UPA "Coordinación de Pruebas Repetida"')}`,
            `estructura-ciclo@${repoLineOf(errors, 'adscrita a CICLO_B')}`,
            `estructura-ciclo@${repoLineOf(errors, 'adscrita a CICLO_A')}`,
            `estructura-referencia@${repoLineOf(errors, 'adscrita a DIRECCION_INEXISTENTE')}`
        ].map(error => `${errors}:${error}`),
        `${moved}:norma-7.2.1.15-sede@${repoLineOf(moved, '    adscrito a CAPSOI')}`
    ].sort();
}
