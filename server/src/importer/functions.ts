// What a function paragraph is: its number, whether it is the closing catch-all, its incisos.

import { isClosingClause } from '../language/closing-clause.js';
import type { ImportedFunction, ImportedUnit } from './model.js';
import { joinLines } from './source.js';

/** "12. Coordinar…", "12 Coordinar…", "12.- Coordinar…": a numbered item; group 1 is the number. */
export const NUMBERED_ITEM = /^\s*(\d{1,3})(?:\.-|\.|\)|-)?\s+(?=\S)/u;
/** "a) …", "b. …": a lettered inciso; group 1 is the letter. */
export const LETTERED_ITEM = /^\s*([a-zñ])\)\s+(?=\S)/u;
/** "- …", "• …", "– …": a dash or bullet sub-item. */
export const DASH_ITEM = /^\s*[-–•●▪◦]\s+(?=\S)/u;

/**
 * Builds a unit's function list line by line, as both profiles' parsers read it: a line starts a
 * function, starts an inciso of the open function, or continues whichever is open.
 */
export class FunctionListBuilder {
    private fn: { f: ImportedFunction; parts: string[] } | undefined;
    private item: { index: number; parts: string[] } | undefined;

    constructor(private readonly unit: ImportedUnit) {}

    /** The open function, if any. */
    get current(): ImportedFunction | undefined {
        return this.fn?.f;
    }

    get inItem(): boolean {
        return this.item !== undefined;
    }

    /** The last line added to the open function or inciso. */
    get lastPart(): string | undefined {
        return (this.item ?? this.fn)?.parts.at(-1);
    }

    /** The open function's own text so far (without its incisos). */
    currentText(): string {
        return this.fn ? joinLines(this.fn.parts) : '';
    }

    startFunction(line: number, text: string, number?: string): void {
        this.finish();
        const f: ImportedFunction = { ...(number ? { number } : {}), text: '', line, closing: false, items: [] };
        this.unit.functions.push(f);
        this.fn = { f, parts: [text] };
    }

    startItem(line: number, label: string, text: string): void {
        if (!this.fn) throw new Error('an inciso needs a function');
        this.finishItem();
        this.fn.f.items.push({ label, text: '', line });
        this.item = { index: this.fn.f.items.length - 1, parts: [text] };
    }

    /** Continues the open inciso or function; false when nothing is open. */
    append(text: string): boolean {
        const target = this.item ?? this.fn;
        if (!target) return false;
        target.parts.push(text);
        return true;
    }

    finish(): void {
        this.finishItem();
        if (this.fn) {
            this.fn.f.text = joinLines(this.fn.parts);
            this.fn.f.closing = isClosingClause(this.fn.f.text);
        }
        this.fn = undefined;
    }

    private finishItem(): void {
        if (this.fn && this.item) this.fn.f.items[this.item.index].text = joinLines(this.item.parts);
        this.item = undefined;
    }
}
