// The anchor of a rule's section in docs/reglas.md (its `### code` heading), with no dependencies:
// the server's links, the docs' table and the VS Code client's «Ver la regla» command share it.

/**
 * The anchor GitHub-style Markdown gives a `### code` heading. For the catalog's codes (lower-case
 * letters, digits, dots and hyphens) it is also the id VS Code's Markdown preview gives it (its
 * slugifier drops the dots too): test/rules-config.test.ts checks both.
 */
export function ruleAnchor(code: string): string {
    return code.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-');
}
