/**
 * THE vocabulary: every word of the contract as a clinician reads it, in one place for the screen, the presentation,
 * the minutes, the letters, the CLI and exports (and the first step to translation). Codes stay in stored data and
 * exports; what a person reads comes from here.
 */
export * from './engine';
export * from './meeting';
export * from './case';
export * from './facts';
export * from './accounts';
export * from './merge';
export { humanise } from './humanise';
export * from './errors';
export * from './engineText';
export * from './backups';
