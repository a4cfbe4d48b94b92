import { KNOWN_MODELS } from '../core';
import { dataDir, version } from './cli-context';

export const HELP = `sparring ${version}: offline sales role-play practice

Usage:
  sparring transcribe <file.wav> [--model <path>] [--json]
      Transcribe a WAV file with local whisper.cpp. --json prints
      {"text": ..., "words": [{"word", "start", "end"}]} with times in seconds.
  sparring analyze [--text "..."] [--json]
      Detect questions (open/closed), techniques and fillers in a rep's words.
      Without --text, reads one utterance per line from stdin and prints one
      JSON object per line (JSON Lines), in order.
  sparring score --scenario <id> --turn <id> (--text "..." | --audio <file.wav> [--model <path>]) [--json]
      Score one answer to one turn of a scenario with the rubric library: every
      criterion, its checks, its evidence, delivery metrics and the overall score.
  sparring validate [paths...]
      Check scenario files (default: the built-in scenarios/). Prints every
      problem as file:line:col: message and exits 1 if there is any.
  sparring test-scenarios [paths...]
      Score every example answer in the scenarios against what it expects
      (pass, fail, or criteria that must pass/fail); exits 1 on any failure.
  sparring pack export <pack-folder> [--out <file.zip>]
      Zip a scenario pack (a folder of scenario files and their audio clips)
      to share it. Default output: <pack>.sparring-pack.zip here.
  sparring pack import <file.zip>
      Check a pack zip completely (safe paths, sizes, every scenario valid, no
      id clashes) and only then install it into the data directory's scenarios/.
  sparring attempts list [--rep <name>] [--limit <n>]
      Attempts stored here, newest first: id, date, rep, scenario, score, review.
  sparring attempts export <id>... | --rep <name> [--out <file>]
      Write attempts (audio, transcripts with word times, scores with evidence,
      the exact scenario version, the rep) to a .sparring-attempts file.
  sparring attempts send-review <id>... [--out <file>]
      Write what reviewers added (comments, score changes, review, coaching
      plan) to a .sparring-review file for the rep.
  sparring attempts import <file>
      Import a .sparring-attempts or .sparring-review file: checked completely
      first (nothing is written if anything is wrong); importing twice adds nothing.
  sparring attempts html <id> [--out <file.html>]
      One attempt with its review as a self-contained HTML page (prints to PDF).
  sparring team init [--url <owner url>]
      Create or migrate the team schema in PostgreSQL (group roles, row-level
      security); run once by whoever owns the database. A newer schema is refused.
  sparring team add-person --name <name> --role rep|manager|designer|admin [--manager <name>]
      Create a person with their own PostgreSQL login; prints the URL to give them.
  sparring team set-manager --name <rep> --manager <manager>
      Move a rep to another manager; the new manager's next sync brings their attempts.
  sparring team status
      People, attempts, stored audio (MB per answer-minute) and packs in the store.
  sparring team sync
      Push this folder's finished attempts and reviews, pull what this login may read.
  sparring team publish <pack folder>
      (Designers) publish a pack of your scenarios: every rep gets it on their next sync.
  sparring model download <${KNOWN_MODELS.join('|')}> [--dir <folder>]
      Download a whisper.cpp model (progress, resumable, checksum-verified)
      into the data directory's models/ folder (or --dir).
  sparring model status
      Which model and whisper.cpp build Sparring would use.
  sparring --help | --version

Environment:
  SPARRING_DATA_DIR   where data lives (default: ${dataDir})
  SPARRING_TEAM_DATABASE_URL  the team store (postgres://login:password@host/db)
  SPARRING_MODEL      a model file to use instead of the downloaded ones
`;
