// The org chart beside the editor: asks the server for the SVG of the active file's manual and
// hands it to the organigrama frame (organigrama.html: the VS Code webview's page and script in a
// sandboxed iframe, under its own CSP). Messages from the frame reveal a unit, fold or unfold a
// box, or save the SVG.
import type { FromWebview, ToWebview } from '../webview/page.js';
import { ORGANIGRAMA_REQUEST, type OrganigramaParams, type OrganigramaResponse } from '../../server/src/protocol.js';
import type { RunningServer } from './server-connection.js';

export interface ChartHost {
    server(): RunningServer | undefined;
    /** The URI of the file the chart is of (the active tab), if any. */
    activeUri(): string | undefined;
    reveal(uri: string, line: number, character: number): void;
    download(name: string, content: Blob): void;
}

/** What an SVG from the server never contains; one that does is not shown. */
function isInert(svg: string): boolean {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    if (parsed.querySelector('parsererror, script, foreignObject, iframe, object, embed')) return false;
    for (const element of parsed.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) return false;
        }
    }
    return true;
}

export class Chart {
    private ready = false;
    private width: number | undefined;
    private collapsed: string[] | undefined;
    private chartUri: string | undefined;
    private lastSvg = '';
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;

    constructor(private readonly frame: HTMLIFrameElement, private readonly host: ChartHost) {
        window.addEventListener('message', event => {
            if (event.source === frame.contentWindow) this.received(event.data as FromWebview);
        });
        // Loaded only now: its «listo» must find the listener above.
        frame.src = 'organigrama.html';
    }

    private post(message: ToWebview): void {
        this.frame.contentWindow?.postMessage(message, '*');
    }

    /** Asks again soon (after an edit, a tab change): rapid calls make one request. */
    refresh(delay = 300): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.draw(), delay);
    }

    private async draw(): Promise<void> {
        const uri = this.host.activeUri();
        const server = this.host.server();
        if (!this.ready || !uri || !server) return;
        if (uri !== this.chartUri) this.collapsed = undefined;
        this.chartUri = uri;
        const generation = ++this.generation;
        const params: OrganigramaParams = { uri, alcance: 'manual', collapsed: this.collapsed, viewWidth: this.width };
        let response: OrganigramaResponse;
        try {
            response = await server.connection.sendRequest<OrganigramaResponse>(ORGANIGRAMA_REQUEST, params);
        } catch (error) {
            response = { error: `No se pudo dibujar el organigrama: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (generation !== this.generation) return;
        if ('error' in response) return this.post({ type: 'error', message: response.error });
        if (!isInert(response.svg)) return this.post({ type: 'error', message: 'El organigrama recibido contenía elementos activos y no se muestra.' });
        this.collapsed = response.collapsed;
        this.lastSvg = response.svg;
        const { svg, title, institution, vigencia, unitCount, shownCount, key } = response;
        this.post({ type: 'organigrama', svg, title, institution, vigencia, unitCount, shownCount, key });
    }

    private received(message: FromWebview): void {
        switch (message.type) {
            case 'listo': this.ready = true; this.width = message.width; return this.refresh(0);
            case 'ancho': this.width = message.width; return this.refresh(0);
            case 'revelar': return this.host.reveal(message.uri, message.line, message.character);
            case 'alternar': {
                const collapsed = new Set(this.collapsed ?? []);
                if (!collapsed.delete(message.id)) collapsed.add(message.id);
                this.collapsed = [...collapsed];
                return this.refresh(0);
            }
            case 'expandir': this.collapsed = []; return this.refresh(0);
            case 'contraer': this.collapsed = undefined; return this.refresh(0);
            case 'guardar':
                if (this.lastSvg) this.host.download('organigrama.svg', new Blob([this.lastSvg], { type: 'image/svg+xml' }));
        }
    }
}
