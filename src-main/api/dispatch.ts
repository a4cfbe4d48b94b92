import { ZodError } from 'zod';
import {
  NewerDatabaseError,
  OutsideDataDirError,
  SparringError,
  TranscriptionError,
  UnusableDatabaseError,
} from '../core';
import { type ApiErrorBody, type Envelope, type MethodName, contract } from './contract';
import type { Handlers } from './handlers';

const isMethod = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);

function toErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof ZodError) {
    return {
      code: 'invalid_arguments',
      message:
        'Invalid arguments: ' +
        error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; '),
      issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  if (
    error instanceof SparringError ||
    error instanceof TranscriptionError ||
    error instanceof OutsideDataDirError ||
    error instanceof NewerDatabaseError ||
    error instanceof UnusableDatabaseError
  ) {
    return { code: error.code, message: error.message };
  }
  console.error('[sparring] unexpected error', error);
  return {
    code: 'internal',
    message: `Something went wrong inside Sparring: ${(error as Error)?.message ?? String(error)}`,
  };
}

/**
 * The one entry point both transports call: checks the method exists, validates the arguments
 * with the contract's schema before anything reaches core, and returns a plain envelope.
 */
export async function dispatch(handlers: Handlers, method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no API method "${String(method)}".` } };
  }
  try {
    const args = contract[method].parse(rawArgs ?? {});
    const handler = handlers[method] as (a: unknown) => unknown;
    return { ok: true, result: await handler(args) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}
