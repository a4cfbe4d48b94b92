import { createCore, type Core, type CoreConfig } from '../../src-main/core';
import { ROOT, SCENARIOS, TINY_MODEL } from './paths';

export type { Core };

/**
 * A core on a data folder, configured as the app configures it (built-in scenarios, this
 * project's whisper.cpp, the generated model), with no model grading or voices unless asked for.
 * It recovers the folder on start, like the app and the bridge.
 */
export function makeCore(dataDir: string, config: Partial<CoreConfig> = {}, options: { recover?: boolean } = {}): Core {
  return createCore(
    {
      dataDir,
      builtInScenarioDirs: [SCENARIOS],
      appRoots: [ROOT],
      modelPath: TINY_MODEL,
      judge: null,
      speech: null,
      ...config,
    },
    { recover: options.recover ?? true },
  );
}
