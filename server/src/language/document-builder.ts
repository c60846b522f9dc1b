// Workspace-wide checks (cycles, numbering of siblings in other files, duplicate ids, duplicate
// functions, mentions, descriptions of one unit in several files, change records) look across files.
// Langium relinks only documents that point at a changed one; we also relink and revalidate the
// documents that can read the changed one (its institution's, those its qualified references name,
// those without an institution, and those whose own qualified references name one of these
// institutions) when the change alters what other files see of it (its cross-file summary), and,
// when only prose changed, the documents that share a changed function text. To know that before
// Langium parses the new text, an edit from the editor is parsed here first and the parse is handed
// to the document factory, not repeated.
//
// A newer edit cancels the running build at any point, and the next build continues from where each
// document stopped. What Langium leaves stale then is handled here: a document's phase listeners
// run even when the build was cancelled right after it reached the phase (else a document validated
// just before was never published); a document linked by a cancelled build before its references
// were indexed is relinked when a file it points at changes (Langium looks in the reference index
// only); and the workspace indexes made of one part per document hear when a document is about to be
// parsed or linked again (`onReset`, when its state drops), not only when it reaches Linked.
import {
    DefaultDocumentBuilder, DefaultLangiumDocumentFactory, Disposable, DocumentState, URI,
    Cancellation, type AstNode, type AstNodeDescription, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, type ParserOptions
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { changedFunctionKeys, crossFileSummary, hasFunctionKey, namesAnyOf, reaches, type CrossFileSummary } from './cross-file-summary.js';
import { institutionOf } from './model.js';
import { parseWithNestingGuard } from './nesting.js';
import { releaseParser } from './parser-release.js';
import { settle } from './settle.js';

/** How a changed document changed, for the documents of its institution. */
type CrossFileChange =
    /** What other files see changed, for the documents of these institutions (before and after the edit). */
    | { kind: 'structure'; audience: Set<string> }
    /** Only prose changed: the function texts (comparison keys) that were added or removed. */
    | { kind: 'functions'; keys: Set<string>; institutions: Set<string> }
    | { kind: 'deferred' };

export class EstructuraDocumentBuilder extends DefaultDocumentBuilder {
    private changes = new Map<string, CrossFileChange>();
    /**
     * Per document, the summary the other documents were last relinked against. Compared with the
     * new text's summary (not with the previous parse): an edit that raced ahead of its parse is
     * caught by the next update.
     */
    private readonly published = new Map<string, CrossFileSummary>();
    /** Documents of updates cancelled before they started: the next update compares them. */
    private readonly deferred = new Map<string, URI>();
    private readonly resetListeners: Array<(document: LangiumDocument) => void> = [];
    /** The progress shown to the editor while a big build runs (the workspace at start). */
    private progress: BuildProgress | undefined;

    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        if (cancelToken && !cancelToken.isCancellationRequested && deleted.length === 0 && changed.length > 0) {
            // Edits of built documents: marked changed at once, parsed only if no newer edit comes (settle.ts).
            const documents = changed.map(uri => this.langiumDocuments.getDocument(uri));
            if (documents.every(document => document && document.parseResult.value.$type !== 'INVALID')) {
                this.currentState = DocumentState.Changed;
                for (const document of documents) this.resetToState(document!, DocumentState.Changed);
                await settle(cancelToken);
            }
        }
        this.changes = new Map();
        for (const uri of deleted) this.published.delete(uri.toString());
        // A deferred document deleted since (the URI may be a folder) is not rebuilt.
        for (const key of [...this.deferred.keys()]) {
            if (deleted.some(uri => key === uri.toString() || key.startsWith(`${uri.toString()}/`))) this.deferred.delete(key);
        }
        if (cancelToken?.isCancellationRequested) {
            // A newer edit cancelled this update before it started (typing faster than a build):
            // parsing its text here would be stale work, one whole-file parse per queued keystroke
            // (seen in test/cancellation.test.ts). Langium still marks the documents changed; the
            // newer update compares their summaries and decides what to relink.
            for (const uri of changed) {
                this.deferred.set(uri.toString(), uri);
                this.changes.set(uri.toString(), { kind: 'deferred' });
            }
            return super.update(changed, deleted, cancelToken);
        }
        if (this.deferred.size > 0) {
            const named = new Set(changed.map(uri => uri.toString()));
            changed = [...changed, ...[...this.deferred].filter(([key]) => !named.has(key)).map(([, uri]) => uri)];
            this.deferred.clear();
        }
        for (const uri of changed) this.compareSummary(uri);
        return super.update(changed, deleted, cancelToken);
    }

    /** What an edit changed in a document: its structure (relink its audience) or only function texts. */
    private compareSummary(uri: URI): void {
        const factory = this.shared.workspace.LangiumDocumentFactory;
        const key = uri.toString();
        const before = this.langiumDocuments.getDocument(uri);
        const text = this.textDocuments?.get(key)?.getText();
        // A file changed on disk, a new or unparsable document: assume the structure changed.
        if (!before || text === undefined || before.parseResult.value.$type === 'INVALID' || !(factory instanceof EstructuraDocumentFactory)) {
            this.published.delete(key);
            return;
        }
        const old = this.published.get(key) ?? crossFileSummary(before.parseResult.value);
        const now = crossFileSummary(factory.preparse(uri, text).value);
        this.published.set(key, now);
        this.changes.set(key, old.structure !== now.structure
            ? { kind: 'structure', audience: new Set([...old.audience, ...now.audience]) }
            : functionsChange(changedFunctionKeys(old, now)));
    }

    /**
     * Called when a document's AST or resolved references are about to be replaced: it is reset to
     * be parsed or linked again, or deleted. Until it reaches Linked again, what was derived from
     * them is stale. (Evicting when the document reaches Linked, as Langium's DocumentCache does, is
     * not enough: Langium skips that listener when a newer edit cancels the build right after the
     * linking, see `notifyDocumentPhase`, and a part that a request computes between the reset and
     * the linking would survive it.)
     */
    onReset(listener: (document: LangiumDocument) => void): Disposable {
        this.resetListeners.push(listener);
        return Disposable.create(() => {
            const at = this.resetListeners.indexOf(listener);
            if (at >= 0) this.resetListeners.splice(at, 1);
        });
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        // Below Linked, Langium unlinks the document (and below Parsed, it parses it again).
        if (state < DocumentState.Linked) for (const listener of this.resetListeners) listener(document);
        if (state < DocumentState.IndexedReferences) this.relinkFacts.delete(document.uri.toString());
        super.resetToState(document, state);
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        for (const listener of this.resetListeners) listener(document);
        this.relinkFacts.delete(document.uri.toString());
        super.cleanUpDeleted(document);
    }

    /**
     * Langium asks this of every document of the workspace at every update, and its own answer
     * builds a set of the executed validation categories per document (7 % of an edit at ×30). The
     * answer depends only on the categories recorded (an array Langium replaces, never changes, when
     * it validates again) and the options: for the update's options, a record known to cover them
     * is remembered.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const checks = this.buildState.get(document.uri.toString())?.result?.validationChecks;
        const forUpdate = checks !== undefined && options === this.updateBuildOptions;
        if (forUpdate && this.coverUpdate.has(checks)) return false;
        const incomplete = super.resultsAreIncomplete(document, options);
        if (forUpdate && !incomplete) this.coverUpdate.add(checks);
        return incomplete;
    }

    private readonly coverUpdate = new WeakSet<readonly string[]>();

    /**
     * Langium checks the cancellation before each listener of a document phase and skips the rest
     * once a newer edit cancelled the build, though the document did reach that state and the next
     * build continues from it without notifying them again. A document validated just before the
     * cancellation then never had its diagnostics published (the language server publishes them
     * from the Validated listener), and a Linked listener would miss the document's new AST. So the
     * listeners (cheap: publishing, evicting) always run; the build stops at its next check.
     */
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (state === DocumentState.Validated) this.progress?.validated(document);
        return super.notifyDocumentPhase(document, state, Cancellation.CancellationToken.None);
    }

    /**
     * A build of many documents (the workspace at start, or what is left of it after an edit
     * cancelled that build) tells the editor how far it is: «Revisando 412 de 1530 archivos»
     * (`window/workDoneProgress`; nothing when the client does not support it). The documents the
     * user has open are validated first (Langium sorts them first in `update`).
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const connection = (this.shared as Partial<LangiumSharedServices>).lsp?.Connection;
        const progress = connection && documents.length >= PROGRESS_FROM && !this.progress ? new BuildProgress(connection, documents) : undefined;
        if (progress) this.progress = progress;
        try {
            await super.buildDocuments(documents, options, cancelToken);
        } finally {
            if (progress) {
                progress.done();
                this.progress = undefined;
            }
        }
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state >= DocumentState.IndexedReferences) {
            // What Langium's test reads (a linking error; a reference into a changed document), kept
            // per document until it is linked again: Langium walks every reference of every document
            // at every update (9 % of an edit at ×30).
            const facts = this.relinkFactsOf(document);
            if (facts.linkingErrors) return true;
            for (const uri of changedUris) if (facts.targets.has(uri)) return true;
        } else {
            if (super.shouldRelink(document, changedUris)) return true;
            // Langium looks for references to the changed documents in the reference index, which has
            // a document's references only once it reached IndexedReferences: a document linked by a
            // build that a newer edit cancelled (or whose references a request resolved lazily) would
            // keep pointing at the changed documents' previous ASTs.
            if (pointsInto(document, changedUris)) return true;
        }
        const institution = institutionOf(document.parseResult.value);
        for (const uri of changedUris) {
            const changed = this.changedDocument(uri, changedUris);
            // A changed document not parsed yet, or deleted: be safe and relink.
            if (!changed || changed.parseResult.value.$type === 'INVALID') return true;
            const change = this.changes.get(uri);
            if (change?.kind === 'deferred') continue; // decided by the update that follows
            if (!change) return true;
            if (change.kind === 'structure') {
                if (reaches(change.audience, institution) || namesAnyOf(document, change.audience)) return true;
            } else if (change.institutions.has(institution) && hasFunctionKey(document, change.keys)) {
                return true;
            }
        }
        return false;
    }

    /**
     * By document: whether its linking left errors and the documents its references point into
     * (other than itself). Its references change only when it is linked again, which first resets
     * it below IndexedReferences (`resetToState` forgets the entry), so the entry is as fresh as the
     * reference index Langium's own test reads.
     */
    private readonly relinkFacts = new Map<string, { linkingErrors: boolean; targets: ReadonlySet<string> }>();

    private relinkFactsOf(document: LangiumDocument): { linkingErrors: boolean; targets: ReadonlySet<string> } {
        const key = document.uri.toString();
        let facts = this.relinkFacts.get(key);
        if (!facts) {
            const targets = new Set<string>();
            let linkingErrors = false;
            for (const reference of document.references) {
                if (reference.error !== undefined) linkingErrors = true;
                for (const target of targetsOf(reference)) if (target) targets.add(target.documentUri.toString());
            }
            targets.delete(key);
            this.relinkFacts.set(key, facts = { linkingErrors, targets });
        }
        return facts;
    }

    /** The changed documents of one update, looked up once (not once per document of the workspace). */
    private changedLookup: { uris: Set<string>; documents: Map<string, LangiumDocument | undefined> } | undefined;

    private changedDocument(uri: string, changedUris: Set<string>): LangiumDocument | undefined {
        if (this.changedLookup?.uris !== changedUris) this.changedLookup = { uris: changedUris, documents: new Map() };
        const documents = this.changedLookup.documents;
        if (!documents.has(uri)) documents.set(uri, this.langiumDocuments.getDocument(URI.parse(uri)));
        return documents.get(uri);
    }
}

/**
 * An edit that changed only function texts: the documents to relink are those of the same
 * institution with one of these texts (keys `institution|text`; the institutions are looked at first).
 */
function functionsChange(keys: Set<string>): CrossFileChange {
    return { kind: 'functions', keys, institutions: new Set([...keys].map(key => key.substring(0, key.indexOf('|')))) };
}

/** Builds of at least this many documents report their progress. */
const PROGRESS_FROM = 50;

/** `window/workDoneProgress` of one build: the count of validated documents, at most every 200 ms. */
class BuildProgress {
    private readonly pending: Set<string>;
    private readonly total: number;
    private reporter: { report(percentage: number, message: string): void; done(): void } | undefined;
    private finished = false;
    private lastReport = 0;

    constructor(connection: NonNullable<LangiumSharedServices['lsp']['Connection']>, documents: LangiumDocument[]) {
        this.pending = new Set(documents.map(document => document.uri.toString()));
        this.total = documents.length;
        connection.window.createWorkDoneProgress().then(reporter => {
            if (this.finished) {
                reporter.done();
                return;
            }
            reporter.begin('Estructura', 0, this.message(), false);
            this.reporter = reporter;
        }, () => undefined);
    }

    validated(document: LangiumDocument): void {
        if (!this.pending.delete(document.uri.toString()) || !this.reporter) return;
        const now = Date.now();
        if (now - this.lastReport < 200) return;
        this.lastReport = now;
        const done = this.total - this.pending.size;
        this.reporter.report(Math.floor((100 * done) / this.total), this.message());
    }

    done(): void {
        this.finished = true;
        this.reporter?.done();
    }

    private message(): string {
        return `Revisando ${this.total - this.pending.size} de ${this.total} archivos`;
    }
}

/** Whether one of the document's resolved references targets one of these documents. */
function pointsInto(document: LangiumDocument, uris: ReadonlySet<string>): boolean {
    for (const reference of document.references) {
        if (targetsOf(reference).some(target => target && uris.has(target.documentUri.toString()))) return true;
    }
    return false;
}

/** The descriptions a reference (or each item of a multi-reference) resolved to. */
function targetsOf(reference: LangiumDocument['references'][number]): Array<AstNodeDescription | undefined> {
    return 'items' in reference ? reference.items.map(item => item.$nodeDescription) : [reference.$nodeDescription];
}

/** Reuses the parse the builder made of an edited text instead of parsing it a second time. */
export class EstructuraDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly parsed = new Map<string, { text: string; result: ParseResult }>();

    preparse(uri: URI, text: string): ParseResult {
        const result = this.parse(uri, text);
        this.parsed.set(uri.toString(), { text, result });
        return result;
    }

    override async parseAsync<T extends AstNode = AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const parsed = this.parsed.get(uri.toString());
        this.parsed.delete(uri.toString());
        if (parsed && parsed.text === text) return parsed.result as ParseResult<T>;
        try {
            return await parseWithNestingGuard(text, t => super.parseAsync<T>(uri, t, cancellationToken));
        } finally {
            releaseParser(this.serviceRegistry.getServices(uri));
        }
    }

    // Every parse goes through the nesting guard: a text nested too deep would overflow the stack.
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        try {
            return parseWithNestingGuard(text, t => super.parse<T>(uri, t, options));
        } finally {
            releaseParser(this.serviceRegistry.getServices(uri));
        }
    }
}
