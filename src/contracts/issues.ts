/** valibot issues → located messages, with the path of the field that failed. */
import * as v from 'valibot';

export interface Located {
  path: (string | number)[];
  message: string;
}

/** The issues of a failed parse, each with its path (keys and array indexes) and message. */
export function locate(issues: readonly v.BaseIssue<unknown>[]): Located[] {
  return issues.map((i) => ({ path: (i.path ?? []).map((p) => p.key as string | number), message: i.message }));
}

/** `a.b[2].c` from a path. */
export const dotted = (path: readonly (string | number)[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/** Parses with a schema and returns the value, or throws with the first issues located. */
export function parseOrThrow<T extends v.GenericSchema>(schema: T, data: unknown, what: string): v.InferOutput<T> {
  const r = v.safeParse(schema, data);
  if (r.success) return r.output;
  const lines = locate(r.issues)
    .slice(0, 5)
    .map((l) => `${dotted(l.path) || '(top)'}: ${l.message}`);
  throw new Error(`${what} is malformed: ${lines.join('; ')}`);
}
