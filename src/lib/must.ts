/**
 * The value, or an error that names what was missing — instead of a non-null assertion
 * (`x!`) that lets a missing value fail later, somewhere else, with a vaguer message.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}
