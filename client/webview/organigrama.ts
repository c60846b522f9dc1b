// The organigrama webview: shows the SVG the language server draws, with pan and zoom, and turns
// clicks into messages (reveal a unit's definition, collapse or expand a subtree). Runs in the
// browser; bundled as out/webview/organigrama.js.
import type { FromWebview, ToWebview } from './page.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): ViewState | undefined;
    setState(state: ViewState): void;
}
interface ViewState { scale: number; x: number; y: number }

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const canvas = document.getElementById('lienzo')!;
const content = document.getElementById('contenido')!;
const titleElement = document.getElementById('titulo')!;
const detailElement = document.getElementById('detalle')!;

const restored = vscode.getState();
let view: ViewState = restored ?? { scale: 1, x: 0, y: 0 };
// A restored panel keeps its view; a new one fits its first chart to the window.
let fitNext = restored === undefined;

function applyView(): void {
    content.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    vscode.setState(view);
}

/** The chart's size and the scale at which all of it fits the canvas (at most 1). */
function chartFit(): { width: number; scale: number } | undefined {
    const svg = content.querySelector('svg');
    if (!svg) return undefined;
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    return { width, scale: Math.min(1, (canvas.clientWidth - 16) / width, (canvas.clientHeight - 16) / height) };
}

function fit(): void {
    const size = chartFit();
    if (!size) return;
    view = { scale: Math.max(size.scale, 0.05), x: 8, y: 8 };
    applyView();
}

/** Below this scale names are unreadable: a wide chart opens at it, centred on its first unit. */
const READABLE_SCALE = 0.5;

/** The first view of a chart: all of it when that stays readable, else its top unit. */
function initialView(): void {
    const size = chartFit();
    if (!size) return;
    if (size.scale >= READABLE_SCALE) return fit();
    const root = content.querySelector('.caja');
    const match = /translate\(([\d.]+),/.exec(root?.getAttribute('transform') ?? '');
    const rootCenter = match ? Number(match[1]) + Number(root!.querySelector('rect')?.getAttribute('width') ?? 0) / 2 : size.width / 2;
    view = { scale: READABLE_SCALE, x: canvas.clientWidth / 2 - rootCenter * READABLE_SCALE, y: 8 };
    applyView();
}

/** Zooms by `factor` keeping the point (px, py) of the canvas where it is. */
function zoom(factor: number, px = canvas.clientWidth / 2, py = canvas.clientHeight / 2): void {
    const scale = Math.min(4, Math.max(0.05, view.scale * factor));
    const ratio = scale / view.scale;
    view = { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
    applyView();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (message.type === 'error') {
        content.replaceChildren(notice(message.message));
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
    // Later charts (after an edit or a toggle) keep the view.
    if (fitNext) initialView(); else applyView();
    fitNext = false;
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
    view = { ...view, x: drag.x + dx, y: drag.y + dy };
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
        const rect = canvas.getBoundingClientRect();
        zoom(Math.exp(-event.deltaY / 300), event.clientX - rect.left, event.clientY - rect.top);
    } else {
        view = { ...view, x: view.x - event.deltaX, y: view.y - event.deltaY };
        applyView();
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
    if (moves[event.key]) {
        view = { ...view, x: view.x + moves[event.key][0], y: view.y + moves[event.key][1] };
        applyView();
    } else if (event.key === '+' || event.key === '=') zoom(1.2);
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

applyView();
vscode.postMessage({ type: 'listo' });
