// Messages for the user above the editor: what happened (a refused file, a server that stopped),
// in Spanish, as text; some carry a button (restart the server). The status line at the bottom
// says what the server is doing.

export type Level = 'info' | 'aviso' | 'error';

export class Notices {
    constructor(private readonly area: HTMLElement, private readonly status: HTMLElement) {}

    /** Shows a message; a message with a `key` replaces the previous one with that key. */
    show(level: Level, text: string, options: { key?: string; action?: { label: string; run: () => void }; copy?: string } = {}): void {
        if (options.key) this.dismiss(options.key);
        const box = document.createElement('div');
        box.className = `aviso ${level}`;
        box.setAttribute('role', level === 'error' ? 'alert' : 'status');
        if (options.key) box.dataset.clave = options.key;
        const message = document.createElement('span');
        message.textContent = text;
        box.append(message);
        if (options.copy !== undefined) {
            // A field the user can select and copy from, when the clipboard was not available.
            const field = document.createElement('input');
            field.readOnly = true;
            field.value = options.copy;
            field.className = 'copiar';
            field.addEventListener('focus', () => field.select());
            box.append(field);
        }
        if (options.action) {
            const { label, run } = options.action;
            box.append(this.button(label, 'accion', () => { box.remove(); run(); }));
        }
        box.append(this.button('×', 'cerrar', () => box.remove(), 'Cerrar el aviso'));
        this.area.append(box);
        // Only the latest few stay: a folder of refused files should not bury the editor.
        while (this.area.children.length > 4) this.area.firstElementChild!.remove();
    }

    dismiss(key: string): void {
        for (const box of this.area.querySelectorAll<HTMLElement>('[data-clave]')) if (box.dataset.clave === key) box.remove();
    }

    setStatus(text: string): void {
        this.status.textContent = text;
    }

    private button(label: string, className: string, run: () => void, title?: string): HTMLButtonElement {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = className;
        button.textContent = label;
        if (title) button.title = title;
        button.addEventListener('click', run);
        return button;
    }
}
