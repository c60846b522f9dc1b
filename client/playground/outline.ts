// The outline beside the editor: the server's document symbols of the active file as a tree of
// units (names are text nodes); a click goes to the symbol.
import type { DocumentSymbol } from 'vscode-languageserver-protocol/browser';
import { fromRange } from './lsp-convert.js';

/** Symbols deeper than this stay folded until opened, so big manuals draw quickly. */
const OPEN_LEVELS = 2;

export class Outline {
    constructor(private readonly root: HTMLElement, reveal: (range: ReturnType<typeof fromRange>) => void) {
        root.addEventListener('click', event => {
            const item = (event.target as Element).closest<HTMLElement>('[data-linea]');
            if (!item) return;
            const [line, character] = [Number(item.dataset.linea), Number(item.dataset.caracter)];
            reveal(fromRange({ start: { line, character }, end: { line, character } }));
        });
    }

    show(symbols: DocumentSymbol[] | undefined, empty = 'Sin unidades en este archivo.'): void {
        if (!symbols?.length) {
            const p = document.createElement('p');
            p.className = 'vacio';
            p.textContent = empty;
            this.root.replaceChildren(p);
            return;
        }
        this.root.replaceChildren(this.list(symbols, 0));
    }

    private list(symbols: DocumentSymbol[], depth: number): HTMLElement {
        const ul = document.createElement('ul');
        ul.setAttribute('role', depth === 0 ? 'tree' : 'group');
        for (const symbol of symbols) ul.append(this.item(symbol, depth));
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
        // A <details> folds the children without any script of ours.
        const details = document.createElement('details');
        details.open = depth < OPEN_LEVELS - 1;
        const summary = document.createElement('summary');
        summary.append(button);
        details.append(summary, this.list(symbol.children, depth + 1));
        li.append(details);
        return li;
    }
}
