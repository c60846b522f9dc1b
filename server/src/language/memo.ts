// Pure functions of a text, computed once per distinct text. An edit re-parses its file into new
// nodes, but almost all of its texts are unchanged: names, function texts and their scans are not
// folded again.
//
// Bounded by size, not by count: each cache keeps two generations of entries, and starts a new one
// when the current one holds `budget` characters of keys (texts typed and replaced since drop out
// after two generations, the texts the documents still hold are moved to the new one when next
// asked for). The budget is the characters of the documents the server holds (`setMemoBudget`),
// and at least MIN_BUDGET: the cache never holds more than twice the workspace's text, and when
// documents go away (a huge document closed) the caches shrink at once to the new budget.
//
// A key is a copy of the text, not the text itself: V8 keeps a substring (a «sliced string») as a
// pointer into the string it was cut from, so a function text sliced out of a document's text
// would keep every version of that whole document alive for as long as the entry lives. The value
// is computed from the copy, so what it slices out points into the copy as well.

/** The smallest budget of a cache, in characters of its keys (one generation). */
export const MIN_BUDGET = 250_000;

let budget = MIN_BUDGET;
const caches: Array<TextMemo<unknown>> = [];

/**
 * Sets every cache's budget to the characters of the documents the server holds (at least
 * MIN_BUDGET); a smaller budget than before trims the caches right away.
 */
export function setMemoBudget(characters: number): void {
    const next = Math.max(MIN_BUDGET, Math.round(characters));
    const shrinks = next < budget;
    budget = next;
    if (shrinks) for (const cache of caches) cache.trim();
}

/** What every memo cache holds, for tests and measurements: entries and characters of keys. */
export function memoStats(): { entries: number; characters: number } {
    let entries = 0;
    let characters = 0;
    for (const cache of caches) {
        const s = cache.stats();
        entries += s.entries;
        characters += s.characters;
    }
    return { entries, characters };
}

/**
 * A copy of `text` that does not point into another string: the concatenation is flattened into a
 * new string of its own by `slice` (V8 copies strings shorter than 13 characters anyway).
 */
function ownCopy(text: string): string {
    return text.length < 13 ? text : ` ${text}`.slice(1);
}

class TextMemo<T> {
    private current = new Map<string, T>();
    private previous = new Map<string, T>();
    private currentChars = 0;
    private previousChars = 0;

    constructor(private readonly compute: (text: string) => T) {}

    get(text: string): T {
        let value = this.current.get(text);
        if (value !== undefined) return value;
        value = this.previous.get(text);
        if (value !== undefined) {
            // Still used: it moves to the current generation.
            this.previous.delete(text);
            this.previousChars -= text.length;
            this.add(ownCopy(text), value);
            return value;
        }
        const own = ownCopy(text);
        value = this.compute(own);
        this.add(own, value);
        return value;
    }

    private add(text: string, value: T): void {
        if (this.currentChars + text.length > budget && this.current.size > 0) this.newGeneration();
        this.current.set(text, value);
        this.currentChars += text.length;
    }

    private newGeneration(): void {
        this.previous = this.current;
        this.previousChars = this.currentChars;
        this.current = new Map();
        this.currentChars = 0;
    }

    trim(): void {
        if (this.previousChars + this.currentChars <= budget) return;
        this.previous = new Map();
        this.previousChars = 0;
        if (this.currentChars > budget) {
            this.current = new Map();
            this.currentChars = 0;
        }
    }

    stats(): { entries: number; characters: number } {
        return { entries: this.current.size + this.previous.size, characters: this.currentChars + this.previousChars };
    }
}

export function memoByText<T>(compute: (text: string) => T): (text: string) => T {
    const memo = new TextMemo(compute);
    caches.push(memo);
    return text => memo.get(text);
}
