// Word-level difference of two texts (an edited function), with jsdiff.
import { diffWords } from 'diff';

export interface WordPart {
    text: string;
    /** Absent where both texts agree. */
    change?: 'added' | 'removed';
}

export function wordDiff(before: string, after: string): WordPart[] {
    return diffWords(before, after).map(part => ({
        text: part.value,
        ...(part.added ? { change: 'added' as const } : part.removed ? { change: 'removed' as const } : {})
    }));
}
