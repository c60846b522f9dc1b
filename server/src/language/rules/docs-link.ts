// Where a rule's documentation lives: docs/reglas.md, generated from the catalog and shipped with
// the extension. Diagnostics link to it (codeDescription) so the editor opens the rule's section.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DOC = path.join('docs', 'reglas.md');

function findDoc(): string | undefined {
    // Bundled (out/*.cjs) or from source (server/src/language/rules/): walk up to the repo or extension root.
    let dir = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if (existsSync(path.join(dir, DOC))) return path.join(dir, DOC);
        dir = path.dirname(dir);
    }
    return undefined;
}

let base: string | undefined | null = null;

/** The anchor GitHub-style markdown gives a `### code` heading. */
export function ruleAnchor(code: string): string {
    return code.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-');
}

/** A link to the rule's section of docs/reglas.md (a file URI), or undefined if the doc is not there. */
export function ruleDocHref(code: string): string | undefined {
    if (base === null) {
        const doc = findDoc();
        base = doc ? pathToFileURL(doc).href : undefined;
    }
    return base ? `${base}#${ruleAnchor(code)}` : undefined;
}
