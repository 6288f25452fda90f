/** The evidence engine's public surface (pure TypeScript: no Node, no DOM). */
export { evaluate, parseFacts, deriveScores } from './evaluate';
export { engineOutputSchema, engineOptionSchema, derivedSchema, conflictSchema } from './schema';
export type { EngineOutput, EngineOption, EngineDerived, EngineConflict } from './schema';
export {
  STRENGTHS, OPTION_WORDS, FLAG_WORDS, strengthSchema, optionWordSchema, flagWordSchema,
  Y90_FAMILY, TACE_FAMILY, TAE_FAMILY, TRANSARTERIAL_FAMILY, ENGINE_VERSION, DISCLAIMER, STRENGTH_NOTICE,
} from './vocabulary';
export type { Strength, OptionWord, FlagWord } from './vocabulary';
export { EngineInputError } from './errors';
export {
  CATALOGUE_VERSION, CATALOGUE, EVIDENCE_IDS, listEvidence, getEvidence, hasEvidence, searchEvidence, formatCitation,
} from './catalogue';
export type { EvidenceRecord, Citation, ProvenanceTag, EvidenceKind } from './catalogue';
export { DISEASE_RULES, GATES, FLAG_RULES, CONFLICTS, RULES_BY_PRIMARY, RULE_READS, describe, readsOf, stepsOf } from './rules';
export type { Rule, RuleOption, RuleStep, Gate, GatePart, FlagRule, Conflict, Cond, DerivedFacts } from './rules';
export { citedEvidence } from './interpreter';
export { runVignettes, parseVignettes, checkVignette, vignetteFileSchema, vignetteCaseSchema } from './vignettes';
export type { VignetteRun, VignetteResult, VignetteCase } from './vignettes';
export * as calculators from './calculators';
