import { InvalidStateTransitionError } from './errors/domain-error';

/** A transition table: each state lists the states it may move to. The single source for guards and docs. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

export function assertTransition<S extends string>(entity: string, table: TransitionTable<S>, from: S, to: S): void {
  if (!canTransition(table, from, to)) throw new InvalidStateTransitionError(entity, from, to);
}
