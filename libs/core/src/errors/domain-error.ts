import { ERROR_HTTP_STATUS, ErrorCode } from './error-codes';

/** What every context throws; the global filter turns it into the JSON envelope of SPEC §8. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

/** The answer for an object that does not exist *or* that the caller may not see: never tell them apart. */
export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super('NOT_FOUND', `${entity} not found`, { entity });
  }
}

export class InvalidStateTransitionError extends DomainError {
  constructor(entity: string, currentState: string, attempted: string) {
    super('INVALID_STATE_TRANSITION', `${entity} cannot go from ${currentState} to ${attempted}`, {
      entity,
      currentState,
      attempted,
    });
  }
}
