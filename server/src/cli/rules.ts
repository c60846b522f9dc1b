// `estructura reglas`: the rule catalog, as a list or as the Markdown of docs/reglas.md.
import { RULES } from '../language/rules/catalog.js';
import { renderRulesMarkdown } from '../language/rules/docs.js';
import { SEVERITY_NAMES } from '../language/severity.js';
import { last, readOptions } from './args.js';
import { REGLAS_USAGE } from './help.js';

export function runRules(args: string[]): number {
    const read = readOptions(args, { formato: { type: 'string', aliases: ['format'] } });
    const problem = typeof read === 'string' ? read
        : read.positionals.length > 0 ? `argumento desconocido «${read.positionals[0]}».`
        : !['texto', 'text', 'md', undefined].includes(last(read.values.formato)) ? `formato desconocido «${last(read.values.formato)}»: use texto o md.`
        : undefined;
    if (problem || typeof read === 'string') {
        process.stderr.write(`estructura reglas: ${problem}\n${REGLAS_USAGE}\n`);
        return 2;
    }
    if (last(read.values.formato) === 'md') {
        process.stdout.write(renderRulesMarkdown());
        return 0;
    }
    for (const rule of RULES.values()) process.stdout.write(`${rule.code.padEnd(32)} ${SEVERITY_NAMES[rule.severity].padEnd(12)} ${rule.source}\n`);
    return 0;
}
