/**
 * The data shapes shared by core, the API contract and the UI, by subject. Types only: these files
 * are also compiled for the renderer, so they import nothing but each other.
 */
export type * from './domain/scenario';
export type * from './domain/scoring';
export type * from './domain/attempt';
export type * from './domain/models-and-events';
