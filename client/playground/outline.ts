// The outline beside the editor: the server's document symbols of the active file as a tree of
// units (names are text nodes); a click goes to the symbol.
import type { DocumentSymbol } from 'vscode-languageserver-protocol/browser';
import { fromRange } from './lsp-convert.js';

/** Symbols deeper than this stay folded until opened, so big manuals draw quickly. */
const OPEN_LEVELS = 2;
/** Rows drawn per turn of the page's thread: a file of 8,000 units must not block it. */
const SLICE = 400;

export class Outline {
    /** Which `show` is drawing: a newer one stops the slices of an older one. */
    private generation = 0;

    constructor(private readonly root: HTMLElement, reveal: (range: ReturnType<typeof fromRange>) => void) {
        root.addEventListener('click', event => {
            const item = (event.target as Element).closest<HTMLElement>('[data-linea]');
            if (!item) return;
            const [line, character] = [Number(item.dataset.linea), Number(item.dataset.caracter)];
            reveal(fromRange({ start: { line, character }, end: { line, character } }));
        });
    }

    show(symbols: DocumentSymbol[] | undefined, empty = 'Sin unidades en este archivo.'): void {
        this.generation++;
        if (!symbols?.length) {
            const p = document.createElement('p');
            p.className = 'vacio';
            p.textContent = empty;
            this.root.replaceChildren(p);
            return;
        }
        this.root.replaceChildren(this.list(symbols, 0));
    }

    /** The rows of a level: the first slice now, the rest a slice per turn. */
    private list(symbols: DocumentSymbol[], depth: number): HTMLElement {
        const ul = document.createElement('ul');
        ul.setAttribute('role', depth === 0 ? 'tree' : 'group');
        const generation = this.generation;
        const draw = (from: number) => {
            if (generation !== this.generation) return;
            for (const symbol of symbols.slice(from, from + SLICE)) ul.append(this.item(symbol, depth));
            if (from + SLICE < symbols.length) setTimeout(() => draw(from + SLICE), 0);
        };
        draw(0);
        return ul;
    }

    private item(symbol: DocumentSymbol, depth: number): HTMLElement {
        const li = document.createElement('li');
        li.setAttribute('role', 'treeitem');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'simbolo';
        button.dataset.linea = String(symbol.selectionRange.start.line);
        button.dataset.caracter = String(symbol.selectionRange.start.character);
        button.textContent = symbol.name;
        if (symbol.detail) {
            const detail = document.createElement('span');
            detail.className = 'detalle';
            detail.textContent = ` ${symbol.detail}`;
            button.append(detail);
        }
        if (!symbol.children?.length) {
            li.append(button);
            return li;
        }
        // A <details> folds the children; folded ones are drawn when first opened.
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.append(button);
        details.append(summary);
        const children = symbol.children;
        const drawChildren = () => {
            if (details.childElementCount === 1) details.append(this.list(children, depth + 1));
        };
        if (depth < OPEN_LEVELS - 1) {
            details.open = true;
            drawChildren();
        } else {
            details.addEventListener('toggle', () => { if (details.open) drawChildren(); });
        }
        li.append(details);
        return li;
    }
}
