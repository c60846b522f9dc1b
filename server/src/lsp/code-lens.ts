// Code lens above each unit: «21 funciones | 5 referencias | 12 menciones | 3 cambios», and
// «12 plazas (10 ocupadas, 2 vacantes)» when its subtree has positions (a click opens the table). The
// references, the mentions and the changes open VS Code's references peek on their places (the
// written references to the unit, its mentions in prose, the change records of its history); a
// count of zero is plain text.
//
// Requested for every visible file on every change: the counts come from workspace indexes kept
// per build (written references by target, mentions by unit kept across builds while names and
// adscriptions do not change, the change records), never from a scan of the workspace per unit.
import { AstUtils, GrammarUtils, WorkspaceCache, DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { Location, type CodeLens, type CodeLensParams, type Command, type Position } from 'vscode-languageserver';
import { isCambio, isUnidad, type Cambio, type Unidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import type { IncomingReferences } from '../language/incoming-references.js';
import { mentionRange } from '../language/mentions/mention-index.js';
import { structureElements } from '../language/model.js';
import { plazasText, subtreeTotals } from '../language/positions/plazas.js';
import type { StructureIndex } from '../language/structure-index.js';
import type { ClientCommands } from '../language/client-commands.js';
import { SHOW_PLAZAS_COMMAND } from '../protocol.js';
import { MentionCounts } from './mention-counts.js';
import { refresher } from './refresh.js';
import { changeRecords, historyAmong } from './unit-history.js';

/**
 * VS Code's command for the references peek: (uri, position, locations). Its arguments travel as
 * LSP JSON; the extension turns them into VS Code's types (client/src/extension.ts).
 */
export const SHOW_REFERENCES = 'editor.action.showReferences';

export class EstructuraCodeLensProvider implements CodeLensProvider {
    private readonly incoming: IncomingReferences;
    private readonly mentions: MentionCounts;
    private readonly structure: StructureIndex;
    private readonly records: WorkspaceCache<string, Cambio[]>;
    private readonly documents: LangiumDocuments;
    private readonly commands: ClientCommands;

    constructor(services: EstructuraServices) {
        this.incoming = services.structure.IncomingReferences;
        this.mentions = new MentionCounts(services);
        this.structure = services.structure.StructureIndex;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.commands = services.settings.ClientCommands;
        this.records = new WorkspaceCache(services.shared, DocumentState.Linked);
        refresher(services.shared, 'codeLens', true);
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const lenses: CodeLens[] = [];
        const records = this.records.get('records', () => changeRecords(this.documents));
        for (const unit of structureElements(document.parseResult.value)) {
            if (!isUnidad(unit) || !unit.$cstNode) continue;
            const id = GrammarUtils.findNodeForProperty(unit.$cstNode, 'name');
            const range = { start: unit.$cstNode.range.start, end: id?.range.end ?? unit.$cstNode.range.start };
            const at = id?.range.start ?? range.start;
            const uri = document.textDocument.uri;
            const counts = unitCounts(unit, this.incoming, this.mentions, this.structure, records);
            lenses.push(
                { range, command: { title: plural(unit.funciones.length, 'función', 'funciones'), command: '' } },
                { range, command: peek(plural(counts.references.length, 'referencia', 'referencias'), uri, at, counts.references) },
                { range, command: peek(plural(counts.mentions.length, 'mención', 'menciones'), uri, at, counts.mentions) },
                { range, command: peek(plural(counts.changes.length, 'cambio', 'cambios'), uri, at, counts.changes) }
            );
            const plazas = subtreeTotals(unit, this.structure.snapshot);
            if (plazas.plazas > 0) lenses.push({ range, command: this.plazasCommand(plazasText(plazas), uri, at) });
        }
        return lenses;
    }

    /** The plazas of the unit's subtree: opens «Ver plazas de la unidad» where the client has it. */
    private plazasCommand(title: string, uri: string, at: Position): Command {
        if (!this.commands.has(SHOW_PLAZAS_COMMAND)) return { title, command: '' };
        return { title, command: SHOW_PLAZAS_COMMAND, arguments: [uri, at] };
    }
}

export interface UnitCounts {
    /** The written references to the unit (`adscrita a`, `titular de`, `unidades`…), its declaration aside. */
    references: Location[];
    /** Its mentions in prose, by name, alias, former name or in a plural. */
    mentions: Location[];
    /** The change records of its history (about it, or moving units into or out of it). */
    changes: Location[];
}

export function unitCounts(unit: Unidad, incoming: IncomingReferences, mentions: MentionCounts, structure: StructureIndex, records: readonly Cambio[]): UnitCounts {
    const references = incoming.to(unit).flatMap(({ reference }) => {
        const node = reference.$refNode;
        return node ? [Location.create(AstUtils.getDocument(node.astNode).textDocument.uri, node.range)] : [];
    });
    const prose = mentions.of(unit).map(({ document, start, end }) => Location.create(document.textDocument.uri, mentionRange(document.textDocument, { start, end })));
    const changes = historyAmong(unit, records, structure.snapshot.equivalents.get(unit)).flatMap(entry => {
        if (!isCambio(entry.node) || !entry.node.$cstNode) return [];
        const record = entry.node;
        const act = GrammarUtils.findNodeForProperty(record.$cstNode, record.acuerdo !== undefined ? 'acuerdo' : 'oficio');
        return [Location.create(entry.uri, (act ?? record.$cstNode!).range)];
    });
    return { references, mentions: prose, changes };
}

/** A part of the lens: the references peek on `locations`, or plain text when there are none. */
function peek(title: string, uri: string, position: Position, locations: Location[]): Command {
    if (locations.length === 0) return { title, command: '' };
    return { title, command: SHOW_REFERENCES, arguments: [uri, position, locations] };
}

function plural(count: number, one: string, many: string): string {
    return `${count} ${count === 1 ? one : many}`;
}
