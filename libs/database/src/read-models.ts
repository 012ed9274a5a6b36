/**
 * The one place where a context may read tables it does not own: read models for reports. Each is one
 * `*.read-model.ts` file that only reads (no INSERT, UPDATE or DELETE) the tables listed here, and says why
 * it needs them. Everything else reaches another context through that context's services and ports;
 * `context-boundaries.spec.ts` holds the code to this list.
 */
export interface ReadModelDeclaration {
  /** Path from the repository root. */
  file: string;
  /** Tables of other contexts the read model reads. */
  reads: readonly string[];
  why: string;
}

export const READ_MODELS: readonly ReadModelDeclaration[] = [];
