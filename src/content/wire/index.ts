// The wire importer's pure side: extraction, matching, duplicate detection. No Strapi import.
export * from './types';
export { extractWire } from './extract';
export { matchReferences } from './match';
export { contentHash } from './hash';
export { WireInputError, MAX_WIRE_CHARS } from './errors';
export { cleanLine, cleanLines } from './clean';
export { detectFormat } from './formats';
export { detectLanguage } from './language';
