// The organigrama webview: shows the SVG the language server draws, with pan and zoom, and turns
// clicks into messages (reveal a unit's definition, collapse or expand a subtree). Runs in the
// browser; bundled as out/webview/organigrama.js.
import type { FromWebview, ToWebview } from './page.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): ViewState | undefined;
    setState(state: ViewState): void;
}
interface ViewState {
    scale: number;
    x: number;
    y: number;
    /** The chart shown (its key from the server): another one opens fitted. */
    key?: string;
    /** The user panned or zoomed: a redrawn chart keeps the view instead of fitting again. */
    moved?: boolean;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const canvas = document.getElementById('lienzo')!;
const content = document.getElementById('contenido')!;
const titleElement = document.getElementById('titulo')!;
const detailElement = document.getElementById('detalle')!;

/** Below this scale the names (12 px) are too small to read: fitting never goes under it. */
const READABLE_SCALE = 0.75;
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** Space kept around a fitted chart, and the least of it that panning keeps in view. */
const MARGIN = 8;
const KEEP_VISIBLE = 60;

// A restored panel (VS Code reloaded the webview) keeps its chart and view.
let view: ViewState = vscode.getState() ?? { scale: 1, x: 0, y: 0 };
let shownSize: { width: number; height: number } | undefined;
let firstChart = true;

function applyView(): void {
    clampView();
    content.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    vscode.setState(view);
}

/** The chart's size in its own px, or undefined before one is shown. */
function chartSize(): { width: number; height: number } | undefined {
    const svg = content.querySelector('svg');
    if (!svg) return undefined;
    return { width: Number(svg.getAttribute('width')) || 1, height: Number(svg.getAttribute('height')) || 1 };
}

/** Panning never loses the chart: at least a strip of it stays inside the canvas. */
function clampView(): void {
    const size = chartSize();
    if (!size) return;
    const width = size.width * view.scale;
    const height = size.height * view.scale;
    const keepX = Math.min(KEEP_VISIBLE, width);
    const keepY = Math.min(KEEP_VISIBLE, height);
    view.x = Math.min(canvas.clientWidth - keepX, Math.max(keepX - width, view.x));
    view.y = Math.min(canvas.clientHeight - keepY, Math.max(keepY - height, view.y));
}

/**
 * Fits the chart to the canvas. When the whole of it would be too small to read, it fits the width
 * without going under the readable scale and shows the top: the rest is a drag or a scroll away.
 */
function fit(): void {
    const size = chartSize();
    if (!size) return;
    const room = { width: Math.max(1, canvas.clientWidth - 2 * MARGIN), height: Math.max(1, canvas.clientHeight - 2 * MARGIN) };
    const whole = Math.min(1, room.width / size.width, room.height / size.height);
    const scale = whole >= READABLE_SCALE ? whole : Math.max(READABLE_SCALE, Math.min(1, room.width / size.width));
    const width = size.width * scale;
    view = { ...view, scale, x: width <= room.width ? (canvas.clientWidth - width) / 2 : MARGIN, y: MARGIN, moved: false };
    applyView();
}

/** The centre of what shows of the chart (the canvas centre when none of it does). */
function visibleCenter(): { x: number; y: number } {
    const size = chartSize();
    const center = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
    if (!size) return center;
    const left = Math.max(0, view.x);
    const right = Math.min(canvas.clientWidth, view.x + size.width * view.scale);
    const top = Math.max(0, view.y);
    const bottom = Math.min(canvas.clientHeight, view.y + size.height * view.scale);
    if (right <= left || bottom <= top) return center;
    return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/** Zooms by `factor` keeping the point (px, py) of the canvas where it is: by default the middle of what shows. */
function zoom(factor: number, point = visibleCenter()): void {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
    const ratio = scale / view.scale;
    view = { ...view, scale, x: point.x - (point.x - view.x) * ratio, y: point.y - (point.y - view.y) * ratio, moved: true };
    applyView();
}

function pan(dx: number, dy: number): void {
    view = { ...view, x: view.x + dx, y: view.y + dy, moved: true };
    applyView();
}

/** Centres the view on a box, at a readable scale at least, and marks it. */
function centreOn(id: string): boolean {
    const box = [...content.querySelectorAll<SVGGElement>('g.caja')].find(g => g.getAttribute('data-id') === id);
    if (!box) return false;
    for (const marked of content.querySelectorAll('.enfocada')) marked.classList.remove('enfocada');
    box.classList.add('enfocada');
    const scale = Math.max(view.scale, READABLE_SCALE);
    // Where the box is in the chart's own px, whatever the current transform.
    const chart = content.getBoundingClientRect();
    const rect = box.getBoundingClientRect();
    const cx = (rect.left + rect.width / 2 - chart.left) / view.scale;
    const cy = (rect.top + rect.height / 2 - chart.top) / view.scale;
    view = { ...view, scale, x: canvas.clientWidth / 2 - cx * scale, y: canvas.clientHeight / 2 - cy * scale, moved: true };
    applyView();
    return true;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (message.type === 'error') {
        content.replaceChildren(notice(message.message));
        shownSize = undefined;
        return;
    }
    if (message.type !== 'organigrama') return;
    // The SVG comes from our own server, which escapes every text it draws.
    content.innerHTML = message.svg;
    titleElement.textContent = message.title;
    const hidden = message.unitCount - message.shownCount;
    detailElement.textContent = [
        message.institution,
        message.vigencia ? `vigencia ${message.vigencia}` : 'sin vigencia declarada',
        `${message.unitCount} ${message.unitCount === 1 ? 'unidad' : 'unidades'}${hidden > 0 ? ` (${hidden} ocultas)` : ''}`
    ].filter(Boolean).join(' · ');
    const size = chartSize();
    const another = message.key === undefined || message.key !== view.key;
    const resized = !shownSize || !size || size.width !== shownSize.width || size.height !== shownSize.height;
    shownSize = size;
    // Another chart opens fitted (a restored panel's first chart keeps its view); the same one,
    // redrawn after an edit, a toggle or a resize, fits again while the user has not moved it.
    const restoring = firstChart && vscode.getState()?.key !== undefined && !another;
    firstChart = false;
    view.key = message.key;
    if (another) fit();
    else if (!restoring && !view.moved && resized) fit();
    else applyView();
    if (message.focus) centreOn(message.focus);
});

function notice(text: string): HTMLElement {
    const p = document.createElement('p');
    p.className = 'aviso';
    p.textContent = text;
    return p;
}

// Clicks: a toggle collapses or expands, a box reveals its definition. A drag is not a click.
let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | undefined;

canvas.addEventListener('pointerdown', event => {
    if (event.button !== 0) return;
    drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', event => {
    if (!drag) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    canvas.classList.add('arrastrando');
    view = { ...view, x: drag.x + dx, y: drag.y + dy, moved: true };
    applyView();
});
canvas.addEventListener('pointerup', event => {
    const wasDrag = drag?.moved;
    drag = undefined;
    canvas.classList.remove('arrastrando');
    if (wasDrag) return;
    const target = document.elementFromPoint(event.clientX, event.clientY);
    activate(target);
});

function activate(target: Element | null): void {
    const toggle = target?.closest('[data-toggle]');
    if (toggle) {
        vscode.postMessage({ type: 'alternar', id: toggle.getAttribute('data-toggle')! });
        return;
    }
    const box = target?.closest('.caja');
    if (box) {
        vscode.postMessage({
            type: 'revelar',
            uri: box.getAttribute('data-uri')!,
            line: Number(box.getAttribute('data-line')),
            character: Number(box.getAttribute('data-character'))
        });
    }
}

canvas.addEventListener('wheel', event => {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
        // The wheel zooms around the pointer.
        const rect = canvas.getBoundingClientRect();
        zoom(Math.exp(-event.deltaY / 300), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    } else {
        pan(-event.deltaX, -event.deltaY);
    }
}, { passive: false });

canvas.addEventListener('keydown', event => {
    // Tab reaches each box and toggle; Enter or Space acts as a click.
    const focused = document.activeElement;
    if ((event.key === 'Enter' || event.key === ' ') && focused?.closest('.caja, [data-toggle]')) {
        event.preventDefault();
        activate(focused);
        return;
    }
    const step = 60;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[event.key]) pan(moves[event.key][0], moves[event.key][1]);
    else if (event.key === '+' || event.key === '=') zoom(1.2);
    else if (event.key === '-') zoom(1 / 1.2);
    else if (event.key === '0') fit();
    else return;
    event.preventDefault();
});

document.querySelector('.botones')!.addEventListener('click', event => {
    const action = (event.target as Element).closest('button')?.getAttribute('data-accion');
    switch (action) {
        case 'ajustar': fit(); break;
        case 'acercar': zoom(1.25); break;
        case 'alejar': zoom(1 / 1.25); break;
        case 'expandir': vscode.postMessage({ type: 'expandir' }); break;
        case 'contraer': vscode.postMessage({ type: 'contraer' }); break;
        case 'guardar': vscode.postMessage({ type: 'guardar' }); break;
    }
});

// A new width re-fits a chart the user has not moved, and lets the server wrap its rows to it.
let widthTimer: ReturnType<typeof setTimeout> | undefined;
let reportedWidth = canvas.clientWidth;
new ResizeObserver(() => {
    if (!view.moved && shownSize) fit();
    clearTimeout(widthTimer);
    widthTimer = setTimeout(() => {
        if (Math.abs(canvas.clientWidth - reportedWidth) < 40) return;
        reportedWidth = canvas.clientWidth;
        vscode.postMessage({ type: 'ancho', width: reportedWidth });
    }, 300);
}).observe(canvas);

applyView();
vscode.postMessage({ type: 'listo', width: canvas.clientWidth });
