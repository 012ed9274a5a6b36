import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens nested class-validator errors into dotted field paths (`org.uscc`, `items.0.amountFen`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(fields: FieldError[]): DomainError {
  const names = fields.map((f) => f.field).join(', ');
  return new DomainError('VALIDATION_FAILED', `Validation failed: ${names}`, { fields });
}

/** The one global pipe: strips nothing silently — unknown fields are an error, types are coerced from DTOs. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/** One field's problem, answered like the ValidationPipe's (400 VALIDATION_FAILED naming the field). */
export function fieldInvalid(field: string, message: string): DomainError {
  return validationFailed([{ field, errors: [message] }]);
}

/** DTO transform: trim surrounding whitespace of strings, leave other values for the validators. */
/** Query strings carry text: 'true'/'false' become booleans; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The fields of a PATCH body that were actually sent (undefined means "leave as is"). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
