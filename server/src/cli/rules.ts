// `estructura reglas`: the rule catalog, as a list or as the Markdown of docs/reglas.md.
import { RULES } from '../language/rules/catalog.js';
import { renderRulesMarkdown, SEVERITY_NAMES } from '../language/rules/docs.js';

export function runRules(args: string[]): number {
    const markdown = args.includes('--formato=md') || (args.includes('--formato') && args[args.indexOf('--formato') + 1] === 'md');
    const unknown = args.filter((a, i) => a !== '--formato' && !a.startsWith('--formato=') && args[i - 1] !== '--formato');
    if (unknown.length > 0) {
        process.stderr.write(`estructura reglas: argumento desconocido «${unknown[0]}».\nUso: estructura reglas [--formato texto|md]\n`);
        return 2;
    }
    if (markdown) {
        process.stdout.write(renderRulesMarkdown());
        return 0;
    }
    for (const rule of RULES.values()) process.stdout.write(`${rule.code.padEnd(32)} ${SEVERITY_NAMES[rule.severity].padEnd(12)} ${rule.source}\n`);
    return 0;
}
