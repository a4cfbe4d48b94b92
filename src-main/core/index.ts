/**
 * The one door into core for api/ and cli/ (lint keeps it so): the composition root, its
 * configuration, the shared data shapes, the errors front ends translate, and the few pure
 * functions the CLI runs on files it is pointed at (validate, analyze, packs, model downloads).
 */
export { createCore, type Core } from './create-core';
export {
  configFromEnvironment,
  DEFAULT_TRANSCRIPTION,
  FILLER_PROMPT,
  type CoreConfig,
  type TranscriptionSettings,
} from './config';
export type * from './domain';
export { SparringError } from './errors';
export { OutsideDataDirError, resolveInside } from './paths';
export { TranscriptionError } from './transcription/transcription-error';
export { NewerDatabaseError, UnusableDatabaseError } from './storage/database';
export { projectRoot } from './app-roots';
export { defaultDataDir } from './data-dir';
export { parseByteRange } from './audio/byte-range';
export { mediaType } from './audio/media-type';
export { analyzeText } from './scoring/analyze';
export { clipsBeside, loadScenarios, parseScenario, readScenarioFile } from './scenarios/load-scenarios';
export { exportPack, packZipName } from './scenarios/scenario-packs';
export { runScenarioTests } from './scenarios/scenario-tests';
export { ScenarioCatalog } from './scenarios/scenario-catalog';
export { KNOWN_MODELS, type KnownModel, locateModel, modelsDir } from './models/model-location';
export { downloadModel, MODEL_CATALOG } from './models/model-download';
export { addTeamPerson, setManager, teamStatus } from './team/team-admin';
export { connectTeam, redactUrl } from './team/team-connection';
export { initTeamSchema, TEAM_SCHEMA_VERSION, type TeamRole } from './team/team-schema';
export type { TeamCredentials } from './team/team-sync';
