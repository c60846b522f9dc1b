// Inlay hints: after an id that names a unit or a position (`adscrita a DOE`, `reporta a
// IMSS.TIT_DG`, `unidades CAPSOI`, `raíz UEOD`), its official name or title, in the editor's hint
// style: «adscrita a DOE Dirección de Operación y Evaluación». The setting
// `estructura.sugerencias.nombreOficial` (on by default) turns them off.
import { AstUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isPuesto, isUnidad } from '../language/generated/ast.js';
import type { EstructuraServices } from '../language/estructura-module.js';
import { refresher } from './refresh.js';

/** The editor setting, under the `estructura` section the client synchronizes. */
export const OFFICIAL_NAME_SETTING = { section: 'sugerencias', key: 'nombreOficial' } as const;

export class EstructuraInlayHintProvider implements InlayHintProvider {
    private readonly configuration: EstructuraServices['shared']['workspace']['ConfigurationProvider'];

    constructor(services: EstructuraServices) {
        this.configuration = services.shared.workspace.ConfigurationProvider;
        const refresh = refresher(services.shared, 'inlayHint', true);
        this.configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'estructura') refresh();
        });
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        if (!(await this.enabled())) return [];
        const text = document.textDocument;
        const from = text.offsetAt(params.range.start);
        const to = text.offsetAt(params.range.end);
        const hints: InlayHint[] = [];
        for (const reference of document.references) {
            // The grammar has no multi-references.
            if (!('ref' in reference)) continue;
            const node = reference.$refNode;
            if (!node || node.end < from || node.offset > to) continue;
            const target = reference.ref;
            const label = isUnidad(target) ? target.nombre : isPuesto(target) ? target.titulo : undefined;
            if (typeof label !== 'string' || !label) continue;
            const where = AstUtils.getDocument(target!).uri.path.split('/').pop();
            const number = isUnidad(target) && target.numero ? `${target.numero} · ` : '';
            hints.push({ position: text.positionAt(node.end), label, paddingLeft: true, tooltip: `${number}${where}` });
        }
        return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
    }

    private async enabled(): Promise<boolean> {
        const section = await this.configuration.getConfiguration('estructura', OFFICIAL_NAME_SETTING.section) as Record<string, unknown> | undefined;
        return section?.[OFFICIAL_NAME_SETTING.key] !== false;
    }
}
