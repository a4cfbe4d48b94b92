/** `transcribe` and `score`: through the app's own API, so they transcribe and score exactly as the app does. */
import { parseArgs } from 'node:util';
import { UsageError, withApi, requireModel, readWav } from './cli-context';

export async function transcribe(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { model: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file)
    throw new UsageError('transcribe needs a WAV file: sparring transcribe answer.wav --model ggml-base.en.bin --json');
  const modelPath = requireModel(values.model);
  const transcript = await withApi(modelPath, (api) =>
    api.transcription.transcribe({ wav: readWav(file), name: file }),
  );
  if (values.json) process.stdout.write(JSON.stringify(transcript) + '\n');
  else process.stdout.write(transcript.text + '\n');
}

export async function score(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      turn: { type: 'string' },
      text: { type: 'string' },
      audio: { type: 'string' },
      model: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.scenario || !values.turn) throw new UsageError('score needs --scenario <id> and --turn <id>.');
  if ((values.text === undefined) === (values.audio === undefined))
    throw new UsageError('score needs exactly one of --text "..." or --audio <file.wav>.');
  const where = { scenarioId: values.scenario, turnId: values.turn };
  const modelPath = values.audio !== undefined ? requireModel(values.model) : undefined;
  const result = await withApi(modelPath, (api) =>
    api.answers.try(
      values.audio !== undefined
        ? { ...where, wav: readWav(values.audio), name: values.audio }
        : { ...where, text: values.text! },
    ),
  ).catch((error: Error & { code?: string }) => {
    throw error.code === 'no_such_turn' || error.code === 'not_found' ? new UsageError(error.message) : error;
  });
  const { score: s } = result;
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ scenario: result.scenarioId, turn: result.turnId, transcript: result.transcript, ...s }) + '\n',
    );
    return;
  }
  console.log(
    `${result.scenarioTitle}, turn "${result.turnId}": ${s.overall}/100 ` +
      `(${s.passed ? 'pass' : 'below the pass mark'} of ${s.passMark})`,
  );
  for (const c of s.criteria) {
    console.log(`  ${c.title}: ${c.score === null ? 'not scored' : c.score}. ${c.explanation}`);
    for (const e of c.evidence)
      console.log(`      "${e.text}"${e.audioStart !== undefined ? ` at ${e.audioStart.toFixed(1)} s` : ''}`);
  }
}
