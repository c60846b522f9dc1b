// The `estructura` command line. Subcommands are Spanish with English aliases.
import { runCheck } from './check.js';
import { runCompare } from './compare.js';
import { runExport } from './export.js';
import { runImport } from './import.js';
import { runImportPositions } from './import-positions.js';
import { runPlazas } from './plazas.js';
import { runRules } from './rules.js';
import { COMMAND_HELP, USAGE, versionLine } from './help.js';

/** Each command under its Spanish name and its English alias. */
const COMMANDS = new Map<string, { name: string; run: (args: string[]) => number | Promise<number> }>();
for (const [name, alias, run] of [
    ['revisar', 'check', runCheck],
    ['reglas', 'rules', runRules],
    ['importar', 'import', runImport],
    ['importar-plazas', 'import-positions', runImportPositions],
    ['exportar', 'export', runExport],
    ['comparar', 'diff', runCompare],
    ['plazas', 'positions', runPlazas]
] as const) {
    COMMANDS.set(name, { name, run }).set(alias, { name, run });
}

const HELP_FLAGS = new Set(['-h', '--help', '--ayuda']);
const VERSION_FLAGS = new Set(['-v', '--version', '--versión']);

/** Whether a flag is among the options (not after `--`, where everything is a path). */
function hasFlag(args: readonly string[], flags: ReadonlySet<string>): boolean {
    const end = args.indexOf('--');
    return (end === -1 ? args : args.slice(0, end)).some(arg => flags.has(arg));
}

export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined) {
        process.stderr.write(`estructura: falta el comando.\n\n${USAGE}\n`);
        return 2;
    }
    const known = COMMANDS.get(command);
    if (known) {
        // Every command answers --help and --version before reading its options.
        if (hasFlag(rest, HELP_FLAGS)) {
            process.stdout.write(COMMAND_HELP[known.name] + '\n');
            return 0;
        }
        if (hasFlag(rest, VERSION_FLAGS)) {
            process.stdout.write(versionLine() + '\n');
            return 0;
        }
        return known.run(rest);
    }
    if (HELP_FLAGS.has(command) || command === 'ayuda' || command === 'help') {
        // `estructura ayuda revisar`: that command's help.
        const topic = rest[0] === undefined ? undefined : COMMANDS.get(rest[0]);
        if (rest[0] !== undefined && !topic) {
            process.stderr.write(`estructura: comando desconocido «${rest[0]}».\n\n${USAGE}\n`);
            return 2;
        }
        process.stdout.write((topic ? COMMAND_HELP[topic.name] : USAGE) + '\n');
        return 0;
    }
    if (VERSION_FLAGS.has(command) || command === 'version' || command === 'versión') {
        process.stdout.write(versionLine() + '\n');
        return 0;
    }
    process.stderr.write(`estructura: comando desconocido «${command}».\n\n${USAGE}\n`);
    return 2;
}

// A reader that stops early (`estructura reglas | head`) closes the pipe: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => {
        process.stderr.write(`estructura: error interno: ${(error as Error).stack ?? error}\n`);
        process.exitCode = 2;
    }
);
