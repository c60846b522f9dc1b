// Options of the subcommands, read with Node's own `util.parseArgs` (`--salida x` and
// `--salida=x` alike). Each option has a Spanish name and English aliases; what goes wrong is
// reported as a Spanish sentence, never as Node's English error.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OptionSpec {
    type: 'string' | 'boolean';
    /** Other spellings: the English name, the unaccented one. */
    aliases?: readonly string[];
    /** A one-letter form (`-o`). */
    short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The options that writing commands share: where to write, what else to load, and overwriting. */
export const OUTPUT_OPTIONS = {
    salida: { type: 'string', aliases: ['output'], short: 'o' },
    espacio: { type: 'string', aliases: ['workspace'] },
    sobrescribir: { type: 'boolean', aliases: ['overwrite'] }
} as const satisfies OptionSpecs;

/** Every value given to each option, under its Spanish name, in command-line order. */
export type OptionValues<S extends OptionSpecs> = {
    [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : string[];
};

export interface ReadOptions<S extends OptionSpecs> {
    values: OptionValues<S>;
    positionals: string[];
}

/** Reads `args` against `specs`; a string is the message of what is wrong. */
export function readOptions<S extends OptionSpecs>(args: string[], specs: S): ReadOptions<S> | string {
    const options: NonNullable<ParseArgsConfig['options']> = {};
    const nameOf = new Map<string, string>();
    for (const [name, spec] of Object.entries(specs)) {
        for (const spelling of [name, ...(spec.aliases ?? [])]) {
            options[spelling] = { type: spec.type, multiple: true, ...(spelling === name && spec.short ? { short: spec.short } : {}) };
            nameOf.set(spelling, name);
        }
    }
    let parsed: { values: Record<string, unknown>; tokens?: Array<{ kind: string; name?: string; index: number }>; positionals: string[] };
    try {
        parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
    } catch (error) {
        return spanish(error as NodeJS.ErrnoException, args);
    }
    const values: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(specs)) values[name] = spec.type === 'boolean' ? false : [];
    // Tokens keep the order of the command line across an option's spellings.
    for (const token of parsed.tokens ?? []) {
        if (token.kind !== 'option' || !token.name) continue;
        const name = nameOf.get(token.name)!;
        if (specs[name].type === 'boolean') values[name] = true;
        else (values[name] as string[]).push((token as unknown as { value: string }).value);
    }
    return { values: values as OptionValues<S>, positionals: parsed.positionals };
}

/** The last value of a string option (a later `--formato` overrides an earlier one). */
export function last(values: readonly string[]): string | undefined {
    return values.at(-1);
}

function spanish(error: NodeJS.ErrnoException, args: string[]): string {
    // Node names the option as '--salida' or, when it has a short form, '-o, --salida <value>'.
    const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
    const option = /--[^\s,]+/.exec(quoted)?.[0] ?? /-[^\s,]+/.exec(quoted)?.[0];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `opción desconocida «${option ?? args.find(a => a.startsWith('-')) ?? ''}».`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return /does not take an argument/.test(error.message)
                ? `la opción ${option ?? ''} no lleva valor.`
                : `falta el valor de ${option ?? 'una opción'}.`;
        default:
            return `argumentos no válidos: ${error.message}`;
    }
}

/** `html, md, json o svg`: the values an option accepts, for its messages. */
export function spanishList(values: readonly string[]): string {
    return new Intl.ListFormat('es', { type: 'disjunction' }).format(values);
}
