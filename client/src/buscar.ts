// «Estructura: Buscar unidad…»: a QuickPick fed by the server's search (estructura/buscarUnidad),
// which matches the official name, aliases, former names, number and id ignoring accents and case.
// The workspace symbols (Ctrl+T) cannot do it: VS Code filters their names again, with accents.
// Every item is shown as the server ranked it (alwaysShow); choosing one opens its definition.
import { CancellationTokenSource, Uri, window, type QuickPickItem } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { BUSCAR_UNIDAD_REQUEST, REQUEST_CANCELLED, type BuscarUnidadParams, type BuscarUnidadResult, type UnidadEncontrada } from '../../server/src/protocol.js';

/** Quiet time after a keystroke before the server is asked. */
const DELAY_MS = 120;

interface UnitItem extends QuickPickItem { unidad: UnidadEncontrada }

export function buscarUnidad(client: LanguageClient): void {
    const pick = window.createQuickPick<UnitItem>();
    pick.title = 'Buscar unidad';
    pick.placeholder = 'Parte del nombre oficial, el número o el identificador (sin importar acentos ni mayúsculas)';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let source: CancellationTokenSource | undefined;
    let timer: NodeJS.Timeout | undefined;

    const search = async (query: string) => {
        source?.cancel();
        const current = source = new CancellationTokenSource();
        pick.busy = true;
        try {
            const params: BuscarUnidadParams = { query };
            const result = await client.sendRequest<BuscarUnidadResult>(BUSCAR_UNIDAD_REQUEST, params, current.token);
            if (current.token.isCancellationRequested) return;
            pick.items = result.unidades.map(item);
            if (result.omitidas > 0) pick.title = `Buscar unidad (${result.unidades.length} de ${result.unidades.length + result.omitidas}: escriba más para acotar)`;
            else pick.title = 'Buscar unidad';
        } catch (error) {
            if ((error as { code?: number }).code === REQUEST_CANCELLED || current.token.isCancellationRequested) return;
            pick.items = [];
            void window.showErrorMessage(`No se pudo buscar la unidad: ${(error as Error).message}`);
        } finally {
            if (source === current) pick.busy = false;
        }
    };

    pick.onDidChangeValue(value => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void search(value), DELAY_MS);
    });
    pick.onDidAccept(async () => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!chosen) return;
        pick.hide();
        const { uri, range } = chosen.unidad;
        await window.showTextDocument(Uri.parse(uri), { selection: client.protocol2CodeConverter.asRange(range) });
    });
    pick.onDidHide(() => {
        if (timer) clearTimeout(timer);
        source?.cancel();
        pick.dispose();
    });
    pick.show();
    void search('');
}

function item(unidad: UnidadEncontrada): UnitItem {
    const where = unidad.superior ? `depende de ${unidad.superior}` : undefined;
    return {
        label: unidad.numero ? `${unidad.numero} ${unidad.nombre}` : unidad.nombre,
        description: unidad.id,
        detail: [unidad.tipo, where, unidad.tambien && `también «${unidad.tambien}»`, fileName(unidad.uri)].filter(Boolean).join(' · '),
        alwaysShow: true,
        unidad
    };
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.substring(uri.lastIndexOf('/') + 1));
}
