// `estructura importar`: a manual's extracted text → `.estructura` files (+ a JSON report).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AstUtils } from 'langium';
import { isCambio, isDocumento, isUnidad } from '../language/generated/ast.js';
import { sameName, type KnownUnit } from '../importer/emit.js';
import { ImportError, importManual, PROFILES } from '../importer/index.js';
import type { Profile } from '../importer/model.js';
import { loadWorkspace } from '../workspace.js';
import { last, OUTPUT_OPTIONS, readOptions, spanishList, type OptionSpecs } from './args.js';
import { exists } from './files.js';
import { IMPORTAR_USAGE as USAGE } from './help.js';


interface ImportArgs {
    input: string;
    output: string;
    profile: Profile | 'auto';
    report?: string;
    workspace: string[];
    overwrite: boolean;
    baseName?: string;
    timings: boolean;
}

const OPTIONS = {
    ...OUTPUT_OPTIONS,
    perfil: { type: 'string', aliases: ['profile'] },
    reporte: { type: 'string', aliases: ['report'] },
    nombre: { type: 'string', aliases: ['name'] },
    tiempos: { type: 'boolean', aliases: ['timings'] }
} as const satisfies OptionSpecs;

function parseArgs(args: string[]): ImportArgs | string {
    const read = readOptions(args, OPTIONS);
    if (typeof read === 'string') return read;
    const { values, positionals: inputs } = read;
    const named = last(values.perfil) ?? 'auto';
    const profile = named === 'auto' ? named : PROFILES.find(p => p === named);
    if (!profile) return `perfil desconocido «${named}»: use ${spanishList([...PROFILES, 'auto'])}.`;
    const baseName = last(values.nombre);
    if (baseName !== undefined && !/^[\p{L}\d][\p{L}\d._-]*$/u.test(baseName)) return `nombre de archivo no válido «${baseName}»: use letras, dígitos, «-», «_» o «.».`;
    if (inputs.length !== 1) return inputs.length === 0 ? 'indique el archivo de texto del manual.' : 'indique un solo archivo de texto.';
    const output = last(values.salida);
    if (!output) return 'indique la carpeta de salida con --salida.';
    return {
        input: inputs[0], output, profile, report: last(values.reporte), workspace: values.espacio,
        overwrite: values.sobrescribir, baseName, timings: values.tiempos
    };
}

export async function runImport(rawArgs: string[]): Promise<number> {
    const args = parseArgs(rawArgs);
    if (typeof args === 'string') {
        process.stderr.write(`estructura importar: ${args}\n${USAGE}\n`);
        return 2;
    }
    const clock: Clock = [['inicio', performance.now()]];
    const lap = (name: string) => clock.push([name, performance.now()]);
    const bytes = await readInput(args.input);
    if (typeof bytes === 'number') return bytes;
    lap('leer');
    const outputDir = path.resolve(args.output);
    const known = await knownUnits(args.workspace.length > 0 ? args.workspace : [path.dirname(outputDir)], outputDir);
    lap('espacio');

    let result: ImportResult;
    try {
        result = importManual(bytes, args.input, { profile: args.profile, known, baseName: args.baseName });
    } catch (error) {
        if (error instanceof ImportError) {
            process.stderr.write(`estructura importar: ${error.message}\n`);
            return 1;
        }
        throw error;
    }

    lap('importar');
    const targets = result.files.map(f => path.join(outputDir, f.name));
    const refused = await writeImport(args, result, outputDir, targets);
    if (refused !== undefined) return refused;
    lap('escribir');
    if (args.timings) {
        process.stdout.write(`tiempos (ms): ${clock.slice(1).map(([name, t], i) => `${name} ${(t - clock[i][1]).toFixed(1)}`).join(', ')}\n`);
    }
    printSummary(result.report, args.input, targets.length, outputDir);
    return 0;
}

/** Named laps of the import and when each ended. */
type Clock = Array<[string, number]>;
type ImportResult = ReturnType<typeof importManual>;

/** The input's bytes, or the exit code once said why it cannot be read. */
async function readInput(input: string): Promise<Uint8Array | number> {
    try {
        const stat = await fs.stat(input);
        if (stat.isDirectory()) throw new Error('es una carpeta, no un archivo de texto');
        return await fs.readFile(input);
    } catch (error) {
        process.stderr.write(`estructura importar: ${input}: no se puede leer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n`);
        return 2;
    }
}

/** Writes the files and the report; without --sobrescribir, refuses (exit code 2) if any exists. */
async function writeImport(args: ImportArgs, result: ImportResult, outputDir: string, targets: string[]): Promise<number | undefined> {
    if (!args.overwrite) {
        // The report too: an existing file at --reporte was replaced silently (found by
        // test/importer-robustness.test.ts); nothing is replaced without --sobrescribir.
        const written = args.report ? [...targets, path.resolve(args.report)] : targets;
        const existing = (await Promise.all(written.map(async t => ((await exists(t)) ? t : undefined)))).filter(Boolean);
        if (existing.length > 0) {
            process.stderr.write(`estructura importar: ya existen ${existing.length} archivos de salida (p. ej. ${existing[0]}); use --sobrescribir para reemplazarlos.\n`);
            return 2;
        }
    }
    // Created only once nothing stops the import: a refused import leaves no empty folder behind.
    await fs.mkdir(outputDir, { recursive: true });
    if (args.overwrite) {
        // Re-importing replaces the previous split: remove this manual's files that are no longer produced.
        const base = result.files[0].name.replace(/\.estructura$/u, '');
        for (const entry of await fs.readdir(outputDir)) {
            const full = path.join(outputDir, entry);
            if (entry.endsWith('.estructura') && (entry === `${base}.estructura` || entry.startsWith(`${base}.`)) && !targets.includes(full)) await fs.rm(full);
        }
    }
    for (let i = 0; i < targets.length; i++) await fs.writeFile(targets[i], result.files[i].text, 'utf-8');
    if (args.report) {
        await fs.mkdir(path.dirname(path.resolve(args.report)), { recursive: true });
        await fs.writeFile(args.report, JSON.stringify(result.report, null, 2) + '\n', 'utf-8');
    }
    return undefined;
}

/** What was imported, what was left out and what to look at, on stdout. */
function printSummary(r: ImportResult['report'], input: string, files: number, outputDir: string): void {
    const out = process.stdout;
    out.write(`${r.archivo}: ${r.unidades.length} unidades, ${r.funciones} funciones (perfil ${r.perfil}) → ${files} archivos en ${path.relative(process.cwd(), outputDir) || '.'}\n`);
    out.write(`  líneas: ${r.lineas.total} en total, ${r.lineas.conservadas} conservadas, ${r.lineas.descartadas.length} descartadas`
        + ` (${Object.entries(r.lineas.descartadasPorRegla).map(([k, v]) => `${k} ${v}`).join(', ')}), ${r.lineas.sinReconocer.length} sin reconocer\n`);
    for (const line of r.lineas.sinReconocer.slice(0, 20)) out.write(`  ${input}:${line}: línea sin reconocer; se conserva en la sección «Texto sin reconocer».\n`);
    if (r.lineas.sinReconocer.length > 20) out.write(`  … y ${r.lineas.sinReconocer.length - 20} líneas más sin reconocer (véase el reporte).\n`);
    for (const note of r.avisos) out.write(`  ${note}\n`);
    if (r.historia.cambios > 0 || r.historia.sinInterpretar.length > 0) {
        out.write(`  historia: ${r.historia.cambios} cambios registrados${r.historia.sinInterpretar.length > 0 ? `; párrafos que mencionan cambios sin registro reconocido (quedan como texto): líneas ${r.historia.sinInterpretar.join(', ')}` : ''}\n`);
    }
    for (const listed of r.listadosSinUnidad.slice(0, 20)) out.write(`  ${input}:${listed.linea}: «${listed.nombre}» aparece en una lista u organigrama pero no como unidad con funciones.\n`);
    if (r.listadosSinUnidad.length > 20) out.write(`  … y ${r.listadosSinUnidad.length - 20} nombres más de listas u organigramas sin unidad con funciones (véase el reporte, «listadosSinUnidad»).\n`);
}

/** Units already defined in the workspace (outside the output folder, which is being replaced). */
async function knownUnits(paths: string[], outputDir: string): Promise<KnownUnit[]> {
    const existing = [];
    for (const p of paths) if (await exists(p)) existing.push(p);
    if (existing.length === 0) return [];
    const workspace = await loadWorkspace(existing, false);
    const known: KnownUnit[] = [];
    // A change record that renamed a unit gives it a former name ("nombre anterior" → "nombre nuevo").
    const renames: Array<{ from: string; to: string; institution: string }> = [];
    for (const document of workspace.documents) {
        if (document.uri.fsPath.startsWith(outputDir + path.sep)) continue;
        const root = document.parseResult.value;
        if (!isDocumento(root)) continue;
        const institution = root.encabezado?.institucion ?? '';
        for (const node of AstUtils.streamAllContents(root)) {
            if (isUnidad(node) && node.name) {
                known.push({
                    id: node.name, name: node.nombre ?? '', kind: node.tipo, institution,
                    ...(node.alias.length > 0 ? { aliases: [...node.alias] } : {}),
                    ...(node.anteriores.length > 0 ? { formerNames: node.anteriores.map(a => a.nombre) } : {}),
                    ...(node.generica || node.agrupacion ? { generic: true } : {}),
                    ...(node.equivalente?.$refText ? { sameAs: node.equivalente.$refText } : {})
                });
            } else if (isCambio(node) && node.nombreAnterior && node.nombreNuevo) {
                renames.push({ from: node.nombreAnterior, to: node.nombreNuevo, institution });
            }
        }
    }
    for (const rename of renames) {
        const unit = known.find(k => k.institution === rename.institution && sameName(k.name, rename.to));
        if (unit && !sameName(unit.name, rename.from)) unit.formerNames = [...(unit.formerNames ?? []), rename.from];
    }
    return known;
}
