// No import cycles of values among the source files of the server and the client (issue 23). An
// import or re-export between two files counts unless it is type-only (`import type`, `export
// type`, or named bindings that are all `type`): a Langium module and its services may name each
// other's types, as in Langium's own examples. The graph's strongly connected components of more
// than one file (or a file importing itself) are the cycles; the test lists each one.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['server/src', 'client'];
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) out.push(...sourceFiles(full));
        } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
            out.push(full);
        }
    }
    return out;
}

/** Whether an import or export declaration brings in values (not only types). */
function importsValues(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
    if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (!clause) return true; // `import './x.js'`: run for its effects
        if (clause.isTypeOnly) return false;
        if (clause.name) return true; // a default import
        const bindings = clause.namedBindings;
        if (!bindings || ts.isNamespaceImport(bindings)) return true;
        return bindings.elements.length === 0 || bindings.elements.some(element => !element.isTypeOnly);
    }
    if (statement.isTypeOnly) return false;
    const clause = statement.exportClause;
    if (!clause || ts.isNamespaceExport(clause)) return true; // `export * from`
    return clause.elements.length === 0 || clause.elements.some(element => !element.isTypeOnly);
}

/** The file a relative specifier names (`./x.js` is `./x.ts` or `./x/index.ts`), if it is one of ours. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.resolve(path.dirname(from), specifier);
    const candidates = [base.replace(/\.(?:c|m)?js$/, '.ts'), base, `${base}.ts`, path.join(base, 'index.ts')];
    return candidates.find(candidate => files.has(candidate));
}

/** The value imports of each file: file → files it imports values from. */
function valueGraph(files: readonly string[]): Map<string, Set<string>> {
    const known = new Set(files);
    const graph = new Map<string, Set<string>>();
    for (const file of files) {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
        const edges = new Set<string>();
        for (const statement of source.statements) {
            if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
            const specifier = statement.moduleSpecifier;
            if (!specifier || !ts.isStringLiteral(specifier) || !importsValues(statement)) continue;
            const target = resolve(file, specifier.text, known);
            if (target) edges.add(target);
        }
        graph.set(file, edges);
    }
    return graph;
}

/** Tarjan's strongly connected components. */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const components: string[][] = [];
    const visit = (node: string): void => {
        index.set(node, counter);
        low.set(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
        for (const next of graph.get(node) ?? []) {
            if (!index.has(next)) {
                visit(next);
                low.set(node, Math.min(low.get(node)!, low.get(next)!));
            } else if (onStack.has(next)) {
                low.set(node, Math.min(low.get(node)!, index.get(next)!));
            }
        }
        if (low.get(node) === index.get(node)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== node);
            components.push(component);
        }
    };
    for (const node of graph.keys()) if (!index.has(node)) visit(node);
    return components;
}

/** One cycle through the component's first file (by path), as a readable chain. */
function describeCycle(component: readonly string[], graph: ReadonlyMap<string, ReadonlySet<string>>): string {
    const members = new Set(component);
    const start = [...component].sort()[0];
    // Breadth-first from the start back to itself, inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    while (queue.length > 0 && !last) {
        const node = queue.shift()!;
        for (const next of [...(graph.get(node) ?? [])].sort()) {
            if (!members.has(next)) continue;
            if (next === start) { last = node; break; }
            if (!previous.has(next)) { previous.set(next, node); queue.push(next); }
        }
    }
    const chain = [start];
    for (let node = last; node && node !== start; node = previous.get(node)) chain.splice(1, 0, node);
    chain.push(start);
    const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
    return `${chain.map(relative).join(' → ')} (${component.length} archivos en el ciclo: ${[...component].map(relative).sort().join(', ')})`;
}

describe('import cycles', () => {
    it('no source file of server/src or client/ imports values from a file that imports it back', () => {
        const files = SOURCE_DIRS.flatMap(dir => sourceFiles(path.join(root, dir)));
        expect(files.length).toBeGreaterThan(50);
        const graph = valueGraph(files);
        const cycles = stronglyConnected(graph)
            .filter(component => component.length > 1 || graph.get(component[0])!.has(component[0]))
            .map(component => describeCycle(component, graph))
            .sort();
        expect(cycles, `ciclos de importación de valores:\n${cycles.join('\n')}`).toEqual([]);
    });

    it('counts value imports and re-exports, not type-only ones', () => {
        const parse = (text: string) => ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest).statements[0] as ts.ImportDeclaration | ts.ExportDeclaration;
        expect(importsValues(parse(`import { a } from './a.js';`))).toBe(true);
        expect(importsValues(parse(`import { a, type B } from './a.js';`))).toBe(true);
        expect(importsValues(parse(`import * as a from './a.js';`))).toBe(true);
        expect(importsValues(parse(`import a from './a.js';`))).toBe(true);
        expect(importsValues(parse(`import './a.js';`))).toBe(true);
        expect(importsValues(parse(`export { a } from './a.js';`))).toBe(true);
        expect(importsValues(parse(`export * from './a.js';`))).toBe(true);
        expect(importsValues(parse(`import type { A } from './a.js';`))).toBe(false);
        expect(importsValues(parse(`import { type A, type B } from './a.js';`))).toBe(false);
        expect(importsValues(parse(`export type { A } from './a.js';`))).toBe(false);
        expect(importsValues(parse(`export { type A } from './a.js';`))).toBe(false);
    });
});
