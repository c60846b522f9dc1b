// Edits an analyst makes to `.estructura` files, for the differential test of the server against a
// cold check (test/incremental-cold.test.ts): typing in a text, deleting and restoring lines and
// braces, pasting a block from another file, pointing a reference elsewhere, adding and removing
// functions and objetivos. Each operator works on the text alone (no parse), like an editor; when
// it finds nothing to act on it returns undefined and the caller draws another.
import type { Rng } from './fuzz.js';

export interface Edit {
    /** What was done, for a failure message. */
    op: string;
    text: string;
}

/** The other files' texts and identifiers, for pastes and new reference targets. */
export interface EditContext {
    texts: readonly string[];
    unitIds: readonly string[];
    positionIds: readonly string[];
}

type Operator = (text: string, rng: Rng, context: EditContext) => Edit | undefined;

const WORDS = ['Coordinar', 'las', 'demás', 'acciones', 'de', 'la', 'Dirección', 'General', 'que', 'le', 'confiera', 'Unidad', 'y', 'supervisar', 'el', 'programa', 'Jurídica', 'Finanzas', '.', ',', ';'];

/** Offsets of every string literal's inside (between its quotes). */
function stringInsides(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const match of text.matchAll(/"((?:\\.|[^"\\])*)"/g)) out.push([match.index + 1, match.index + 1 + match[1].length]);
    return out;
}

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts;
}

function splice(text: string, start: number, end: number, insert: string): string {
    return text.substring(0, start) + insert + text.substring(end);
}

/** The offsets just after every match of `pattern` (global). */
function after(text: string, pattern: RegExp): number[] {
    return [...text.matchAll(pattern)].map(m => m.index + m[0].length);
}

const operators: Record<string, Operator> = {
    /** A few words typed, or a few characters deleted, inside a string (a function text most of the time). */
    typeInText(text, rng) {
        const insides = stringInsides(text);
        if (insides.length === 0) return undefined;
        const [start, end] = rng.pick(insides);
        const at = start + rng.int(end - start + 1);
        if (rng.int(3) === 0 && end > start) {
            const to = Math.min(end, at + 1 + rng.int(12));
            return { op: `delete ${JSON.stringify(text.substring(at, to))} in a text at ${at}`, text: splice(text, at, to, '') };
        }
        const typed = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(WORDS)).join(' ');
        const insert = rng.int(2) === 0 ? ` ${typed}` : typed.substring(0, 1 + rng.int(typed.length));
        return { op: `type ${JSON.stringify(insert)} in a text at ${at}`, text: splice(text, at, at, insert) };
    },
    deleteLine(text, rng) {
        const starts = lineStarts(text);
        const i = rng.int(starts.length);
        const end = i + 1 < starts.length ? starts[i + 1] : text.length;
        return { op: `delete line ${i + 1}`, text: splice(text, starts[i], end, '') };
    },
    deleteOrAddBrace(text, rng) {
        const braces = [...text.matchAll(/[{}]/g)].map(m => m.index);
        if (braces.length === 0 || rng.int(2) === 0) {
            const at = rng.int(text.length + 1);
            const brace = rng.pick(['{', '}']);
            return { op: `insert ${brace} at ${at}`, text: splice(text, at, at, brace) };
        }
        const at = rng.pick(braces);
        return { op: `delete ${text[at]} at ${at}`, text: splice(text, at, at + 1, '') };
    },
    /** A run of lines copied from another file (a unit, functions, a header…) pasted at a line start. */
    pasteFromOtherFile(text, rng, context) {
        const source = rng.pick(context.texts);
        const lines = source.split('\n');
        const from = rng.int(lines.length);
        const block = lines.slice(from, from + 1 + rng.int(20)).join('\n') + '\n';
        const starts = lineStarts(text);
        const at = rng.pick(starts);
        return { op: `paste ${block.split('\n').length - 1} lines (from line ${from + 1} of another file) at offset ${at}`, text: splice(text, at, at, block) };
    },
    /** `adscrita a`, `misma unidad que`, `titular de`, `reporta a` or `raíz` pointed at another id. */
    retarget(text, rng, context) {
        const refs = [...text.matchAll(/\b(adscrit[ao] a|misma unidad que|titular de|reporta a|ra[ií]z) ([\p{L}_][\p{L}\p{N}_.]*)/gu)];
        if (refs.length === 0) return undefined;
        const ref = rng.pick(refs);
        const pool = ref[1] === 'reporta a' ? context.positionIds : context.unitIds;
        const target = rng.int(8) === 0 ? 'NO_EXISTE' : rng.pick(pool);
        const start = ref.index + ref[1].length + 1;
        return { op: `${ref[1]} ${ref[2]} → ${target}`, text: splice(text, start, start + ref[2].length, target) };
    },
    /** A new `misma unidad que`, `adscrita a`, `titular`, `reporta a` line inside a unit or position. */
    addReference(text, rng, context) {
        const openings = after(text, /\n[ \t]*(?:unidad|puesto) [\p{L}_][\p{L}\p{N}_]* "(?:\\.|[^"\\])*" \{/gu);
        if (openings.length === 0) return undefined;
        const at = rng.pick(openings);
        const line = rng.pick([
            `misma unidad que ${rng.pick(context.unitIds)}`, `adscrita a ${rng.pick(context.unitIds)}`,
            `titular de ${rng.pick(context.unitIds)}`, `reporta a ${rng.pick(context.positionIds)}`, 'titular', 'clase homólogo de autorización específica'
        ]);
        return { op: `add «${line}» at ${at}`, text: splice(text, at, at, `\n    ${line}`) };
    },
    /** A function added at the start of a list: new words, or a text copied from another file (a duplicate). */
    addFunction(text, rng, context) {
        const lists = after(text, /funciones \{/g);
        if (lists.length === 0) return undefined;
        const at = rng.pick(lists);
        const copied = rng.pick(context.texts).match(/\n\s*\d+\. (?:cierre )?"(?:\\.|[^"\\])*"/g);
        const fn = copied && rng.int(2) === 0
            ? rng.pick(copied).trim()
            : `1. "${rng.pick(['Coordinar', 'Supervisar', 'Atender'])} las ${rng.pick(['acciones', 'demás que le señale su superior jerárquico', 'funciones del área'])}."`;
        return { op: `add function ${JSON.stringify(fn.slice(0, 60))} at ${at}`, text: splice(text, at, at, `\n        ${fn}`) };
    },
    /** A whole function (its number, text and incisos up to the next function or the list's end) removed. */
    removeFunction(text, rng) {
        const fns = [...text.matchAll(/\n[ \t]*\d+\.[ \t]+(?:cierre[ \t]+)?"(?:\\.|[^"\\])*"/g)];
        if (fns.length === 0) return undefined;
        const fn = rng.pick(fns);
        return { op: `remove function at ${fn.index}`, text: splice(text, fn.index, fn.index + fn[0].length, '') };
    },
    addObjective(text, rng) {
        const openings = after(text, /\n[ \t]*unidad [\p{L}_][\p{L}\p{N}_]* "(?:\\.|[^"\\])*" \{/gu);
        if (openings.length === 0) return undefined;
        const at = rng.pick(openings);
        return { op: `add objetivo at ${at}`, text: splice(text, at, at, '\n    objetivo "Coordinar las acciones de la unidad."') };
    },
    removeObjective(text, rng) {
        const objectives = [...text.matchAll(/objetivo[ \t\n]+"(?:\\.|[^"\\])*"/g)];
        if (objectives.length === 0) return undefined;
        const o = rng.pick(objectives);
        return { op: `remove objetivo at ${o.index}`, text: splice(text, o.index, o.index + o[0].length, '') };
    },
    /** A unit's official name or id changed (mentions, duplicate names and ids follow names). */
    renameUnit(text, rng, context) {
        const units = [...text.matchAll(/\bunidad ([\p{L}_][\p{L}\p{N}_]*) "((?:\\.|[^"\\])*)"/gu)];
        if (units.length === 0) return undefined;
        const unit = rng.pick(units);
        if (rng.int(2) === 0) {
            const id = rng.int(3) === 0 ? rng.pick(context.unitIds) : `${unit[1]}_X`;
            const start = unit.index + 'unidad '.length;
            return { op: `id ${unit[1]} → ${id}`, text: splice(text, start, start + unit[1].length, id) };
        }
        const name = rng.pick(['Dirección de Finanzas', 'Coordinación de Comunicación Social', `${unit[2]} Regional`, unit[2].replace(/^\S+/, 'División')]);
        const start = unit.index + unit[0].length - unit[2].length - 1;
        return { op: `nombre «${unit[2].slice(0, 40)}» → «${name.slice(0, 40)}»`, text: splice(text, start, start + unit[2].length, name) };
    },
    /** A unit's whole function list removed (estructura-sin-funciones, in this file or for its other descriptions). */
    removeFunctionList(text, rng) {
        const lists = [...text.matchAll(/\n[ \t]*funciones \{/g)];
        if (lists.length === 0) return undefined;
        const list = rng.pick(lists);
        const end = closingBrace(text, list.index + list[0].length);
        if (end === undefined) return undefined;
        return { op: `remove the function list at ${list.index}`, text: splice(text, list.index, end + 1, '') };
    },
    /** Another description of a unit of the workspace (`misma unidad que`), without functions, at the end of the file. */
    addDescription(text, rng, context) {
        const target = rng.pick(context.unitIds);
        return { op: `add a description of ${target}`, text: `${text}\nunidad ${target}_D${rng.int(100)} "Unidad descrita en otro archivo" {\n    misma unidad que ${target}\n}\n` };
    },
    /** The file's institution changed or removed (what it sees and who sees it). */
    changeInstitution(text, rng) {
        const at = /\binstituci[oó]n ([\p{L}_]+)\n?/u.exec(text);
        if (!at) return undefined;
        const replacement = rng.pick(['IMSS', 'ISSSTE', 'SENER', '']);
        const written = replacement ? at[0].replace(at[1], replacement) : '';
        return { op: `institución ${at[1]} → ${replacement || '(ninguna)'}`, text: splice(text, at.index, at.index + at[0].length, written) };
    },
    /** A unit's number changed (numbering across files). */
    renumber(text, rng) {
        const numbers = [...text.matchAll(/\bn[uú]mero (\d+(?:\.\d+)*\.?)/gu)];
        if (numbers.length === 0) return undefined;
        const n = rng.pick(numbers);
        const parts = n[1].replace(/\.$/, '').split('.');
        parts[parts.length - 1] = String(Math.max(0, Number(parts.at(-1)) + rng.pick([-1, 1, 2])));
        const start = n.index + n[0].length - n[1].length;
        return { op: `número ${n[1]} → ${parts.join('.')}`, text: splice(text, start, start + n[1].length, parts.join('.')) };
    }
};

/** The offset of the brace that closes the block opened just before `from`, skipping strings and comments. */
function closingBrace(text: string, from: number): number | undefined {
    let depth = 1;
    for (const match of text.substring(from).matchAll(/"(?:\\.|[^"\\])*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[{}]/g)) {
        if (match[0] === '{') depth++;
        else if (match[0] === '}' && --depth === 0) return from + match.index;
    }
    return undefined;
}

/** Operators weighted toward what analysts do most: typing in texts. */
const WEIGHTED: string[] = [
    ...Array<string>(6).fill('typeInText'), 'deleteLine', 'deleteOrAddBrace', 'pasteFromOtherFile', 'retarget', 'retarget',
    'addReference', 'addFunction', 'addFunction', 'removeFunction', 'removeFunction', 'removeFunctionList', 'addObjective', 'removeObjective',
    'addDescription', 'changeInstitution', 'renameUnit', 'renumber'
];

/** One edit of `text`; tries other operators when the drawn one has nothing to act on. */
export function randomEdit(text: string, rng: Rng, context: EditContext): Edit {
    for (let attempt = 0; attempt < 20; attempt++) {
        const name = rng.pick(WEIGHTED);
        const edit = operators[name](text, rng, context);
        if (edit && edit.text !== text) return { op: `${name}: ${edit.op}`, text: edit.text };
    }
    return operators.deleteOrAddBrace(text, rng, context)!;
}

/** The ids of units and positions declared in some texts. */
export function declaredIds(texts: readonly string[]): { unitIds: string[]; positionIds: string[] } {
    const unitIds = new Set<string>();
    const positionIds = new Set<string>();
    for (const text of texts) {
        for (const m of text.matchAll(/\bunidad ([\p{L}_][\p{L}\p{N}_]*) "/gu)) unitIds.add(m[1]);
        for (const m of text.matchAll(/\bpuesto ([\p{L}_][\p{L}\p{N}_]*) "/gu)) positionIds.add(m[1]);
    }
    return { unitIds: [...unitIds].sort(), positionIds: [...positionIds].sort() };
}
