// The formatter and rename never change a function text. Over every example: the function,
// inciso and activity texts (the string tokens, quotes included, byte for byte) are the same, in
// the same order, before and after formatting the file (also with CRLF line ends), and after
// renaming a unit's id. Renaming a unit's official name edits its mentions in prose on purpose:
// there, a text changes only at the mention ranges the rename reported, and nowhere else.
import { describe, expect, it } from 'vitest';
import { AstUtils, GrammarUtils, URI, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { AnnotatedTextEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isUnidad, type Documento, type Unidad } from '../server/src/language/generated/ast.js';
import { buildWorkspace, exampleFiles, type TestWorkspace } from './helpers/workspace.js';
import { applyEdits } from './helpers/exercise.js';
import { functionTexts, functionTextsOf } from './helpers/function-texts.js';

const token = CancellationToken.None;
const sorted = (texts: string[]) => [...texts].sort();

/** Edits of a workspace edit by document URI, whichever form it uses. */
function editsByUri(edit: WorkspaceEdit | undefined): Map<string, Array<TextEdit | AnnotatedTextEdit>> {
    const out = new Map<string, Array<TextEdit | AnnotatedTextEdit>>();
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
    for (const change of edit?.documentChanges ?? []) {
        if (!('edits' in change)) continue;
        // Rename never sends snippet edits; keep the plain and annotated ones.
        const plain = change.edits.filter((e): e is TextEdit | AnnotatedTextEdit => 'newText' in e);
        out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...plain]);
    }
    return out;
}

function unitsOf(ws: TestWorkspace): Unidad[] {
    return Object.values(ws.docs).flatMap(doc => AstUtils.streamAllContents(doc.parseResult.value).filter(isUnidad).toArray());
}

describe('formatting and rename keep every function text', () => {
    const files = exampleFiles();
    let ws: TestWorkspace;
    const wsReady = buildWorkspace(files).then(built => { ws = built; });

    it('formatting any example keeps its function texts byte for byte (LF and CRLF)', async () => {
        await wsReady;
        let texts = 0;
        let formattedFiles = 0;
        for (const [name, doc] of Object.entries(ws.docs)) {
            for (const variant of ['lf', 'crlf'] as const) {
                const text = variant === 'lf' ? files[name] : files[name].replace(/\n/g, '\r\n');
                if (variant === 'crlf') await ws.update(name, text);
                const current = ws.docs[name];
                const before = functionTextsOf(current).map(t => t.source);
                const edits = await ws.services.lsp.Formatter!.formatDocument(current, { textDocument: { uri: current.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, token);
                const formatted = applyEdits(text, edits);
                const after = functionTexts(ws.services, formatted);
                expect(after.errors, `${name} (${variant}) formatted has syntax errors`).toBe(0);
                expect(sorted(after.texts), `${name} (${variant}): the multiset of function texts`).toEqual(sorted(before));
                expect(after.texts, `${name} (${variant}): function texts in order`).toEqual(before);
                // Formatting twice changes nothing more.
                const again = ws.shared.workspace.LangiumDocumentFactory.fromString<Documento>(formatted, URI.parse(`file:///again/${name}`));
                expect(await ws.services.lsp.Formatter!.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }, token), `${name} (${variant}) idempotent`).toEqual([]);
                texts += before.length;
                if (edits.length > 0) formattedFiles++;
            }
            await ws.update(name, files[name]);
            void doc;
        }
        console.log(`[preservation] formatted ${Object.keys(files).length} examples ×2 (LF, CRLF), ${formattedFiles} with edits, ${texts} function texts compared`);
        expect(texts).toBeGreaterThan(10_000);
    }, 120_000);

    it('renaming a unit id never changes a function text (every unit of every example)', async () => {
        await wsReady;
        let renames = 0;
        let editedDocs = 0;
        for (const unit of unitsOf(ws)) {
            const doc = AstUtils.getDocument(unit) as LangiumDocument<Documento>;
            const idNode = GrammarUtils.findNodeForProperty(unit.$cstNode, 'name');
            if (!idNode) continue;
            const position = doc.textDocument.positionAt(idNode.offset);
            const edit = await ws.services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position, newName: `${unit.name}_R` }, token);
            renames++;
            const byUri = editsByUri(edit);
            expect(byUri.size, `rename of ${unit.name} edits its own file`).toBeGreaterThan(0);
            for (const [uri, edits] of byUri) {
                const target = ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as LangiumDocument<Documento>;
                const text = target.textDocument.getText();
                const before = functionTextsOf(target).map(t => t.source);
                const after = functionTexts(ws.services, applyEdits(text, edits));
                expect(after.texts, `rename ${unit.name} → ${unit.name}_R in ${uri}`).toEqual(before);
                editedDocs++;
            }
        }
        console.log(`[preservation] ${renames} id renames, ${editedDocs} edited documents checked`);
        expect(renames).toBeGreaterThan(600);
    }, 120_000);

    it('renaming an official name changes function texts only at the mention ranges it reports', async () => {
        await wsReady;
        const mentions = ws.services.structure.MentionIndex;
        let renames = 0;
        let mentionEdits = 0;
        for (const unit of unitsOf(ws)) {
            if (mentions.mentionsOfUnit(unit).length === 0) continue;
            const doc = AstUtils.getDocument(unit) as LangiumDocument<Documento>;
            const nameNode = GrammarUtils.findNodeForProperty(unit.$cstNode, 'nombre')!;
            const position = doc.textDocument.positionAt(nameNode.offset + 1);
            const newName = `${unit.nombre} Renombrada`;
            const edit = await ws.services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position, newName }, token);
            renames++;
            for (const [uri, edits] of editsByUri(edit)) {
                const target = ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as LangiumDocument<Documento>;
                const text = target.textDocument.getText();
                const texts = functionTextsOf(target);
                const ranged = edits.map(e => ({ ...e, start: target.textDocument.offsetAt(e.range.start), end: target.textDocument.offsetAt(e.range.end) }));
                // Each edit is the unit's own name, or a mention annotated for confirmation.
                for (const e of ranged) {
                    const annotated = 'annotationId' in e && e.annotationId !== undefined;
                    const isOwnName = uri === doc.uri.toString() && e.start === nameNode.offset + 1 && e.end === nameNode.end - 1;
                    expect(annotated || isOwnName, `edit ${text.substring(e.start, e.end)} in ${uri}`).toBe(true);
                    if (annotated) mentionEdits++;
                }
                // Each function text becomes itself with exactly the mention edits that fall inside it.
                const expected = texts.map(t => {
                    const inside = ranged.filter(e => e.start >= t.offset && e.end <= t.end).sort((a, b) => b.start - a.start);
                    let source = t.source;
                    for (const e of inside) source = source.substring(0, e.start - t.offset) + e.newText + source.substring(e.end - t.offset);
                    return source;
                });
                // No edit straddles the boundary of a function text.
                for (const e of ranged) {
                    for (const t of texts) {
                        const overlaps = e.start < t.end && e.end > t.offset;
                        const inside = e.start >= t.offset && e.end <= t.end;
                        expect(!overlaps || inside, `edit at ${e.start}-${e.end} straddles a function text in ${uri}`).toBe(true);
                    }
                }
                const after = functionTexts(ws.services, applyEdits(text, edits));
                expect(after.errors, `rename of «${unit.nombre}» leaves ${uri} parsable`).toBe(0);
                expect(after.texts, `rename of «${unit.nombre}» in ${uri}`).toEqual(expected);
            }
        }
        console.log(`[preservation] ${renames} official-name renames, ${mentionEdits} mention edits checked`);
        expect(renames).toBeGreaterThan(50);
        expect(mentionEdits).toBeGreaterThan(100);
    }, 120_000);
});
