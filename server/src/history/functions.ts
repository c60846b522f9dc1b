// The difference between two lists of functions of one unit: functions added, removed, edited (the
// same function reworded: most of its words kept) and reordered. Numbers are not compared: adding a
// function renumbers those after it, which is no change of theirs.
import { historyFunctionKey } from '../language/text-keys.js';
import type { Difference } from './differences.js';
import type { FunctionState } from './snapshot.js';
import { wordDiff } from './word-diff.js';

/** Share of words two texts must have in common to be one function edited rather than two. */
const EDIT_THRESHOLD = 0.5;

type FunctionChange = Pick<Difference, 'kind' | 'before' | 'after' | 'index' | 'words' | 'placeBefore' | 'placeAfter'>;

export function diffFunctions(before: readonly FunctionState[], after: readonly FunctionState[]): FunctionChange[] {
    // Most units of two versions have the same functions: nothing to fold or pair.
    if (before.length === after.length && before.every((f, i) => f.text === after[i].text)) return [];
    const changes: FunctionChange[] = [];
    const keyOf = (f: FunctionState) => historyFunctionKey(f.text);
    const keysBefore = before.map(keyOf);
    const keysAfter = after.map(keyOf);
    // 1. The same text (wrapping and accents aside), first occurrence to first occurrence.
    const { pairs, pairedBefore, pairedAfter } = sameTextPairs(keysBefore, keysAfter);
    // 2. Edited: the most similar remaining pair, while similar enough.
    const restBefore = before.map((f, i) => i).filter(i => !pairedBefore.has(i));
    const restAfter = after.map((f, j) => j).filter(j => !pairedAfter.has(j));
    for (const { i, j } of editCandidates(restBefore.map(i => keysBefore[i]), restAfter.map(j => keysAfter[j]), restBefore, restAfter)) {
        if (pairedBefore.has(i) || pairedAfter.has(j)) continue;
        pairedBefore.add(i);
        pairedAfter.add(j);
        pairs.push([i, j]);
        changes.push({
            kind: 'funcion-modificada', before: before[i].text, after: after[j].text, index: { before: i + 1, after: j + 1 },
            words: wordDiff(before[i].text, after[j].text), placeBefore: before[i].place, placeAfter: after[j].place
        });
    }
    for (const i of restBefore) {
        if (!pairedBefore.has(i)) changes.push({ kind: 'funcion-eliminada', before: before[i].text, index: { before: i + 1 }, placeBefore: before[i].place });
    }
    for (const j of restAfter) {
        if (!pairedAfter.has(j)) changes.push({ kind: 'funcion-agregada', after: after[j].text, index: { after: j + 1 }, placeAfter: after[j].place });
    }
    // 3. Reordered: the kept functions outside the longest run that keeps its order.
    pairs.sort((x, y) => x[0] - y[0]);
    const inOrder = longestIncreasing(pairs.map(p => p[1]));
    pairs.forEach(([i, j], k) => {
        if (inOrder.has(k)) return;
        changes.push({
            kind: 'funcion-reordenada', before: before[i].text, after: after[j].text, index: { before: i + 1, after: j + 1 },
            placeBefore: before[i].place, placeAfter: after[j].place
        });
    });
    return changes;
}

/** Functions with the same key, first occurrence to first occurrence. */
function sameTextPairs(keysBefore: string[], keysAfter: string[]): { pairs: Array<[number, number]>; pairedBefore: Set<number>; pairedAfter: Set<number> } {
    const pairs: Array<[number, number]> = [];
    const freeAfter = new Map<string, number[]>();
    keysAfter.forEach((k, j) => { let l = freeAfter.get(k); if (!l) freeAfter.set(k, l = []); l.push(j); });
    const pairedBefore = new Set<number>();
    const pairedAfter = new Set<number>();
    keysBefore.forEach((k, i) => {
        const list = freeAfter.get(k);
        if (list && list.length > 0) {
            const j = list.shift()!;
            pairs.push([i, j]);
            pairedBefore.add(i);
            pairedAfter.add(j);
        }
    });
    return { pairs, pairedBefore, pairedAfter };
}

/**
 * Pairs of remaining functions (by index) whose words overlap enough to be one function edited,
 * most similar first.
 */
function editCandidates(keysBefore: string[], keysAfter: string[], restBefore: number[], restAfter: number[]): Array<{ i: number; j: number; score: number }> {
    const wordsOf = (key: string) => new Set(key.split(/[^\p{L}\p{N}]+/u).filter(w => w.length > 2));
    const candidates: Array<{ i: number; j: number; score: number }> = [];
    const wordsAfter = keysAfter.map(wordsOf);
    restBefore.forEach((i, bi) => {
        const a = wordsOf(keysBefore[bi]);
        restAfter.forEach((j, aj) => {
            const b = wordsAfter[aj];
            let shared = 0;
            for (const w of a) if (b.has(w)) shared++;
            const score = a.size + b.size === 0 ? 0 : (2 * shared) / (a.size + b.size);
            if (score >= EDIT_THRESHOLD) candidates.push({ i, j, score });
        });
    });
    return candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
}

/** Indexes (into `values`) of one longest strictly increasing subsequence: O(n log n). */
function longestIncreasing(values: number[]): Set<number> {
    const tails: number[] = [];
    const previous: number[] = new Array(values.length).fill(-1);
    for (let k = 0; k < values.length; k++) {
        let lo = 0, hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (values[tails[mid]] < values[k]) lo = mid + 1; else hi = mid;
        }
        if (lo > 0) previous[k] = tails[lo - 1];
        tails[lo] = k;
    }
    const out = new Set<number>();
    for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.add(k);
    return out;
}
