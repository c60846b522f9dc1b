// The `estructura` command line. Subcommands are Spanish with English aliases.
import { runCheck } from './check.js';
import { runExport } from './export.js';
import { runImport } from './import.js';
import { runRules } from './rules.js';

const USAGE = `Uso: estructura <comando> [opciones]

Comandos:
  revisar <rutas…> [--formato texto|json]   revisa archivos y carpetas .estructura (alias: check)
  reglas [--formato texto|md]                el catálogo de reglas; en Markdown, docs/reglas.md (alias: rules)
  importar <texto.txt> --salida <carpeta>    convierte el texto de un manual en archivos .estructura (alias: import)
      [--perfil imss|issste|auto] [--reporte <reporte.json>] [--espacio <carpeta>…] [--nombre <base>] [--sobrescribir]
  exportar <rutas…> --formato html|md|json|svg  exporta los manuales: HTML para imprimir, Markdown, el modelo en JSON
      [--salida <archivo o carpeta>]             o los organigramas en SVG (alias: export); sin --salida, un solo
      [--manual <ID>…] [--espacio <carpeta>…]    documento a la salida estándar; varios manuales requieren
      [--sobrescribir]                           --salida <carpeta>

Códigos de salida: 0 sin errores, 1 con errores, 2 uso incorrecto o entrada ilegible.`;

export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    switch (command) {
        case 'revisar':
        case 'check':
            return runCheck(rest);
        case 'reglas':
        case 'rules':
            return runRules(rest);
        case 'importar':
        case 'import':
            return runImport(rest);
        case 'exportar':
        case 'export':
            return runExport(rest);
        case undefined:
        case '-h':
        case '--help':
        case 'ayuda':
            if (command === undefined) {
                process.stderr.write(`estructura: falta el comando.\n\n${USAGE}\n`);
                return 2;
            }
            process.stdout.write(USAGE + '\n');
            return 0;
        default:
            process.stderr.write(`estructura: comando desconocido «${command}».\n\n${USAGE}\n`);
            return 2;
    }
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
