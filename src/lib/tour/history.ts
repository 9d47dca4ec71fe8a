/** Undo for the tour editor: the states before each change; a run of typing in one field is one change. */
export class History<T> {
  #past: T[] = [];
  /** the text field typed into last ('' after any other change) */
  #typing = '';
  readonly #max: number;

  constructor(max = 100) {
    this.#max = max;
  }

  /** Keeps `before` unless this change goes on typing in the field typed into last. */
  record(before: T, typing = ''): void {
    if (!typing || typing !== this.#typing) this.#past = [...this.#past.slice(1 - this.#max), before];
    this.#typing = typing;
  }

  /** The state before the last change (a new run of typing starts after it). */
  undo(): T | undefined {
    this.#typing = '';
    return this.#past.pop();
  }

  /** A field left: the next typing is a change of its own. */
  pause(): void {
    this.#typing = '';
  }

  clear(): void {
    this.#past = [];
    this.#typing = '';
  }

  get size(): number {
    return this.#past.length;
  }
}
