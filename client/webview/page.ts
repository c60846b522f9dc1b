// The HTML of the organigrama webview. The extension and the browser test build it the same way;
// the Content-Security-Policy allows only the extension's own script (by nonce) and stylesheet.

export interface PageResources {
    /** `webview.cspSource`: the origin the webview serves the extension's files from. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
}

export function contentSecurityPolicy({ cspSource, nonce }: Pick<PageResources, 'cspSource' | 'nonce'>): string {
    return [
        "default-src 'none'",
        `style-src ${cspSource}`,
        `img-src ${cspSource} data:`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
}

export function organigramaPage(resources: PageResources): string {
    return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${resources.styleUri}">
<title>Organigrama</title>
</head>
<body>
<header class="barra" role="toolbar" aria-label="Organigrama">
  <div class="titulo"><strong id="titulo">Organigrama</strong> <span id="detalle"></span></div>
  <div class="botones">
    <button type="button" data-accion="ajustar" title="Ajustar a la ventana">Ajustar</button>
    <button type="button" data-accion="acercar" title="Acercar (Ctrl + rueda)">+</button>
    <button type="button" data-accion="alejar" title="Alejar (Ctrl + rueda)">−</button>
    <button type="button" data-accion="expandir" title="Mostrar todas las unidades">Expandir todo</button>
    <button type="button" data-accion="contraer" title="Mostrar solo los primeros niveles">Contraer</button>
    <button type="button" data-accion="guardar" title="Guardar el organigrama como SVG">Guardar SVG</button>
  </div>
</header>
<main id="lienzo" tabindex="0" aria-label="Organigrama: arrastre para desplazarse, Ctrl + rueda para acercar">
  <div id="contenido"><p class="aviso">Cargando el organigrama…</p></div>
</main>
<script nonce="${resources.nonce}" src="${resources.scriptUri}"></script>
</body>
</html>`;
}

/** Messages between the extension and the webview. */
export type ToWebview =
    | {
        type: 'organigrama'; svg: string; title: string; institution: string; vigencia?: string; unitCount: number; shownCount: number;
        /** Which chart: another key opens fitted, the same one keeps the view unless it was fitted. */
        key?: string;
        /** The id of a box to centre on. */
        focus?: string;
    }
    | { type: 'error'; message: string };

export type FromWebview =
    /** The page is ready; `width`: its canvas width in CSS px (the server wraps rows to it). */
    | { type: 'listo'; width?: number }
    /** The canvas changed width. */
    | { type: 'ancho'; width: number }
    | { type: 'revelar'; uri: string; line: number; character: number }
    | { type: 'alternar'; id: string }
    | { type: 'expandir' }
    | { type: 'contraer' }
    | { type: 'guardar' };
