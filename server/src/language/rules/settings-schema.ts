// The VS Code setting `estructura.reglas` (package.json, contributes.configuration), generated from
// the catalog by `npm run build` (scripts/settings-schema.mjs, also `npm run docs:ajustes`): each rule's code with its
// source, description and default severity, so the Settings editor explains the rule set (issue 19).
// test/rules-config.test.ts fails when package.json is out of date with the catalog.
import { capitalize, RULES, type Rule, type Severity } from './catalog.js';
import { SEVERITIES, SEVERITY_NAMES } from '../severity.js';

export type SeveritySettingValue = Severity | 'off';

const VALUES: readonly SeveritySettingValue[] = [...SEVERITIES.map(s => s.catalog), 'off'];

/** What each value does in VS Code. */
const VALUE_DESCRIPTIONS: Record<SeveritySettingValue, string> = {
    ...Object.fromEntries(SEVERITIES.map(s => [s.catalog, `${capitalize(s.word)}: ${s.editor}`])) as Record<Severity, string>,
    off: 'Apagada: la regla no se revisa.'
};

/** A note longer than this (estructura-nivel's evidence from the manuals) stays in docs/reglas.md only. */
const NOTE_MAX = 600;

function ruleDescription(rule: Rule): string {
    const parts = [`**${rule.source}** · por omisión: ${SEVERITY_NAMES[rule.severity]} (\`${rule.severity}\`)`, rule.description];
    if (rule.note && rule.note.length <= NOTE_MAX) parts.push(rule.note);
    if (rule.fix) parts.push(`*Corrección rápida:* ${rule.fix}`);
    return parts.join('\n\n');
}

function ruleProperty(rule: Rule): Record<string, unknown> {
    return {
        type: 'string',
        enum: [...VALUES],
        enumDescriptions: VALUES.map(v => v === rule.severity ? `${VALUE_DESCRIPTIONS[v]} (Por omisión.)` : VALUE_DESCRIPTIONS[v]),
        default: rule.severity,
        markdownDescription: ruleDescription(rule)
    };
}

/**
 * The schema of `estructura.reglas`. Its own default stays `{}`: a value for every rule would
 * override `reglas` of estructura.json (the editor setting wins over the file); each rule's
 * `default` is what the Settings editor proposes when the rule is added.
 */
export function reglasSettingSchema(): Record<string, unknown> {
    return {
        scope: 'resource',
        type: 'object',
        default: {},
        additionalProperties: false,
        properties: Object.fromEntries([...RULES.values()].map(rule => [rule.code, ruleProperty(rule)])),
        markdownDescription: 'Severidad de cada regla (`error`, `warning`, `info`, `hint`) o `off` para apagarla, por código: `{ "funcion-puntuacion": "off" }`. '
            + 'Las reglas que no están aquí conservan su severidad por omisión, la que dice cada una. '
            + 'Tiene prioridad sobre `reglas` de `estructura.json` en la raíz del espacio de trabajo, que también lee `estructura revisar`. '
            + 'Catálogo completo, con ejemplos: `estructura reglas`, docs/reglas.md, o el enlace del código de cada diagnóstico.'
    };
}
