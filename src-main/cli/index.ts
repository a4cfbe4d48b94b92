/**
 * `sparring`: the command-line front end onto core. Each command lives in its own module; like the
 * UI, they reach core through its one door (and transcription and scoring through the app's API).
 * Every command prints a clear message and exits non-zero on failure.
 */
import { analyze } from './analyze-command';
import { attempts } from './attempt-commands';
import { UsageError, version } from './cli-context';
import { HELP } from './help';
import { model } from './model-command';
import { pack, testScenarios, validate } from './scenario-commands';
import { score, transcribe } from './speech-commands';
import { team } from './team-commands';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command ? 0 : 1;
    }
    if (command === '--version') {
      console.log(version);
      return 0;
    }
    if (command === 'transcribe') await transcribe(rest);
    else if (command === 'analyze') await analyze(rest);
    else if (command === 'score') await score(rest);
    else if (command === 'validate') return validate(rest);
    else if (command === 'test-scenarios') return testScenarios(rest);
    else if (command === 'model') await model(rest);
    else if (command === 'pack') await pack(rest);
    else if (command === 'attempts') await attempts(rest);
    else if (command === 'team') await team(rest);
    else throw new UsageError(`Unknown command "${command}". Run "sparring --help".`);
    return 0;
  } catch (error) {
    console.error(`sparring: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
