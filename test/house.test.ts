// House rules for the sources: no more than three functions over 50 lines in server/src and client/
// (the generated parser excluded), and each of those few says, in a comment, why it is long.
// Every function-like node counts (declarations, methods, constructors, accessors, arrow functions
// and function expressions, nested ones too), measured from its first line to its last.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/examples.js';

const ROOTS = ['server/src', 'client'];
const EXCLUDED = ['server/src/language/generated'];
const MAX_LINES = 50;
const MAX_LONG_FUNCTIONS = 3;
/** What the comment of a long function must say: "long because ...". */
const WHY_LONG = /\blong because\b/i;

interface LongFunction { file: string; line: number; name: string; lines: number; explained: boolean }

function sourceFiles(dir: string): string[] {
    const relative = path.relative(REPO, dir).split(path.sep).join('/');
    if (EXCLUDED.includes(relative)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return sourceFiles(full);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
    return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node)
        || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)
        || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

/** A readable name: the declared one, else what the function is assigned to or passed as. */
function functionName(node: ts.FunctionLikeDeclaration): string {
    if (ts.isConstructorDeclaration(node)) return 'constructor';
    if (node.name) return node.name.getText();
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
        return parent.name.getText();
    }
    if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
    return '(anonymous)';
}

/**
 * The comments that may explain a function: those right above it (or above the statement, property
 * or argument list that holds it, when it has no line of its own) and any on its first line.
 */
function commentsOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string[] {
    const text = source.getFullText();
    const anchors: ts.Node[] = [node];
    let holder: ts.Node = node.parent;
    while (holder && !ts.isSourceFile(holder) && !ts.isBlock(holder) && !ts.isClassLike(holder)
        && source.getLineAndCharacterOfPosition(holder.getStart(source)).line
            === source.getLineAndCharacterOfPosition(node.getStart(source)).line) {
        anchors.push(holder);
        holder = holder.parent;
    }
    const comments = anchors.flatMap(anchor => (ts.getLeadingCommentRanges(text, anchor.getFullStart()) ?? [])
        .map(range => text.slice(range.pos, range.end)));
    const firstLine = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const lineText = text.slice(source.getPositionOfLineAndCharacter(firstLine, 0),
        firstLine + 1 < source.getLineStarts().length ? source.getPositionOfLineAndCharacter(firstLine + 1, 0) : text.length);
    const onFirstLine = /\/\/.*$|\/\*[\s\S]*?\*\//.exec(lineText);
    return onFirstLine ? [...comments, onFirstLine[0]] : comments;
}

function longFunctions(): LongFunction[] {
    const found: LongFunction[] = [];
    for (const root of ROOTS) {
        for (const file of sourceFiles(path.join(REPO, root))) {
            const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
            const visit = (node: ts.Node): void => {
                if (isFunctionLike(node) && node.body) {
                    const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
                    const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
                    const lines = end - start + 1;
                    if (lines > MAX_LINES) {
                        found.push({
                            file: path.relative(REPO, file).split(path.sep).join('/'),
                            line: start + 1,
                            name: functionName(node),
                            lines,
                            explained: commentsOf(node, source).some(comment => WHY_LONG.test(comment))
                        });
                    }
                }
                ts.forEachChild(node, visit);
            };
            visit(source);
        }
    }
    return found.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

function listing(functions: LongFunction[]): string {
    return functions.map(f => `  ${f.file}:${f.line} ${f.name} ${f.lines} lines${f.explained ? '' : ' (no "long because" comment)'}`).join('\n');
}

describe('house rules', () => {
    it(`at most ${MAX_LONG_FUNCTIONS} functions over ${MAX_LINES} lines, each saying why it is long`, () => {
        const long = longFunctions();
        const problems: string[] = [];
        if (long.length > MAX_LONG_FUNCTIONS) {
            problems.push(`${long.length} functions over ${MAX_LINES} lines (at most ${MAX_LONG_FUNCTIONS}); split them into smaller named functions or tables:`);
        }
        const unexplained = long.filter(f => !f.explained);
        if (unexplained.length > 0 && long.length <= MAX_LONG_FUNCTIONS) {
            problems.push(`functions over ${MAX_LINES} lines without a comment (right above them or on their first line) saying "long because ...":`);
        }
        if (problems.length > 0) problems.push(listing(long));
        if (problems.length > 0) expect.fail(problems.join('\n'));
    });
});
