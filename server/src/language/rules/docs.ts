// docs/reglas.md, rendered from the catalog: the same text the hover on a diagnostic shows.
import { ruleAnchor } from './docs-link.js';
import { RULES, type Rule } from './catalog.js';
import { SEVERITY_NAMES } from '../severity.js';

const GROUPS: Array<[title: string, test: (code: string) => boolean]> = [
    ['A. La Norma', code => code.startsWith('norma-')],
    ['B. Estructura', code => code.startsWith('estructura-') || code === 'manual-encabezado'],
    ['C. Funciones', code => code.startsWith('funcion-')],
    ['D. Puestos, plazas y tabuladores', code => /^(puesto|plaza|tabulador)-/.test(code)],
    ['E. Metadatos', () => true]
];

/** The Markdown card of one rule (used in docs/reglas.md and in the hover on its diagnostics). */
export function ruleCard(rule: Rule, headingLevel = 3): string {
    const parts = [`${'#'.repeat(headingLevel)} ${rule.code}`, '',
        `**Fuente:** ${rule.source} · **Severidad por omisión:** ${SEVERITY_NAMES[rule.severity]}`, '', rule.description];
    if (rule.quote) parts.push('', ...rule.quote.split('\n').map(l => `> ${l}`));
    if (rule.note) parts.push('', rule.note);
    if (rule.fix) parts.push('', `**Corrección rápida:** ${rule.fix}`);
    if (rule.example) {
        parts.push('', 'Incorrecto:', '', '```estructura', rule.example.incorrecto, '```', '', 'Correcto:', '', '```estructura', rule.example.correcto, '```');
    } else if (rule.noExample) {
        parts.push('', `**Sin ejemplo:** ${rule.noExample}`);
    }
    return parts.join('\n');
}

export function renderRulesMarkdown(): string {
    const all = [...RULES.values()];
    const placed = new Set<string>();
    const lines = [
        '# Reglas de `estructura`',
        '',
        '<!-- Generado desde server/src/language/rules/catalog.ts con `npm run docs:reglas`; no editar a mano. -->',
        '',
        'Cada regla es un diagnóstico con un código estable, un mensaje en español (la fuente de la regla no va en él: está aquí y en el hover del editor) y una',
        'severidad que se puede cambiar o apagar en `estructura.json` (en la raíz del espacio de trabajo;',
        'también lo lee `estructura revisar`) o en la configuración `estructura.reglas` de VS Code:',
        '',
        '```json',
        '{ "reglas": { "funcion-puntuacion": "off", "estructura-nivel": "error" } }',
        '```',
        '',
        '| código | fuente | severidad | corrección rápida |',
        '|---|---|---|---|',
        ...all.map(r => `| [\`${r.code}\`](#${ruleAnchor(r.code)}) | ${r.source} | ${SEVERITY_NAMES[r.severity]} | ${r.fix ? 'sí' : ''} |`)
    ];
    for (const [title, test] of GROUPS) {
        const group = all.filter(r => !placed.has(r.code) && test(r.code));
        if (group.length === 0) continue;
        lines.push('', `## ${title}`);
        for (const r of group) {
            placed.add(r.code);
            lines.push('', ruleCard(r));
        }
    }
    return lines.join('\n') + '\n';
}
