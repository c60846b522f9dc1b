// Every quick fix by diagnostic code, in one registry: each rule group's (rules/*/index.ts) and the
// syntax error's «¿Quiso decir …?» (keyword-typo.ts). The code action provider offers them; the
// fuzz tests (test/helpers/exercise.ts) call them directly, since the provider swallows exceptions.
import type { FixMap } from '../language/rules/fixes.js';
import { functionsFixes } from '../language/rules/functions/index.js';
import { mentionFixes } from '../language/rules/mentions/index.js';
import { normaFixes } from '../language/rules/norma/index.js';
import { structureFixes } from '../language/rules/structure/index.js';
import { fixKeywordTypo } from './keyword-typo.js';

export const QUICK_FIXES: FixMap = { ...normaFixes, ...structureFixes, ...functionsFixes, ...mentionFixes, 'estructura-sintaxis': fixKeywordTypo };
