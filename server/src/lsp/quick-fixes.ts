// Every quick fix by diagnostic code, in one registry: each rule group's (rules/*/index.ts) and the
// syntax error's «¿Quiso decir …?» (keyword-typo.ts). The code action provider offers them; the
// fuzz tests (test/helpers/exercise.ts) call them directly, since the provider swallows exceptions.
// Every fix is named `<what>Fix` after the edit it offers, and each group's map `<group>Fixes`.
import type { FixMap } from '../language/rules/fixes.js';
import { functionsFixes } from '../language/rules/functions/index.js';
import { integrityFixes } from '../language/rules/integrity/index.js';
import { metadataFixes } from '../language/rules/metadata/index.js';
import { normaFixes } from '../language/rules/norma/index.js';
import { structureFixes } from '../language/rules/structure/index.js';
import { keywordTypoFix } from './keyword-typo.js';

export const QUICK_FIXES: FixMap = {
    ...integrityFixes, ...normaFixes, ...structureFixes, ...functionsFixes, ...metadataFixes,
    'estructura-sintaxis': keywordTypoFix
};
