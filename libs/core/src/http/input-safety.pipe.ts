import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, validationFailed } from './validation';

/** @nestjs/swagger's metadata keys (DECORATORS.API_MODEL_PROPERTIES…): what the OpenAPI document says of a DTO. */
const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

interface PropertyMeta {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

/** A UTF-16 surrogate without its pair: not Unicode text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string PostgreSQL cannot store (NUL) or that is not Unicode (a lone UTF-16 surrogate). */
export function unstorableString(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (no lone surrogates)';
  return null;
}

/**
 * Checks every request input before the ValidationPipe, at one place instead of route by route
 * (issue 14's fuzzing found each of these answering 500):
 * - every string and object key, at any depth of the body, query or path: no NUL byte (PostgreSQL
 *   refuses it), no lone surrogate (not Unicode: URI encoding and JSON columns refuse it);
 * - every number: finite and a safe integer in magnitude (1e20 would overflow a bigint column);
 * - in a body shaped by a DTO, `null` only where the OpenAPI document declares the field nullable —
 *   anywhere else leave the field out to keep its value (`{"priceFen": null}` is refused, never sent to SQL);
 * - a nested DTO must be an object, not an array (`{"org": []}`), and a body must not be an array.
 * Each problem names its field (`org.name`, `items.0.amountFen`) in a 400 VALIDATION_FAILED.
 */
@Injectable()
export class InputSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const errors: FieldError[] = [];
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    checkValues(value, root, errors, 0);
    const dto = dtoClass(metadata.metatype);
    if (metadata.type === 'body' && dto) {
      if (Array.isArray(value)) errors.push({ field: root || 'body', errors: ['must be a JSON object'] });
      else checkShape(value, dto, root, errors);
    }
    if (errors.length > 0) throw validationFailed(errors);
    return value;
  }
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function checkValues(value: unknown, field: string, errors: FieldError[], depth: number): void {
  if (depth > 64) return; // the body parser already refused deeper JSON
  if (typeof value === 'string') {
    const problem = unstorableString(value);
    if (problem) errors.push({ field: field || 'body', errors: [problem] });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      errors.push({ field: field || 'body', errors: ['must be a number between ±9007199254740991'] });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkValues(item, join(field, String(i)), errors, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableString(key);
      if (problem) errors.push({ field: join(field, JSON.stringify(key).slice(1, -1)), errors: [`key ${problem}`] });
      else checkValues(item, join(field, key), errors, depth + 1);
    }
  }
}

/** The DTO class a value is validated against (a class with OpenAPI properties), or null. */
function dtoClass(type: unknown): (new () => unknown) | null {
  if (typeof type !== 'function' || !type.prototype) return null;
  return Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, type.prototype) ? (type as new () => unknown) : null;
}

/** The nested DTO of a property (`type: RegisterOrgDto` or `type: () => RegisterOrgDto`), or null. */
function nestedDto(meta: PropertyMeta): (new () => unknown) | null {
  const { type } = meta;
  if (typeof type !== 'function') return null;
  if (type.prototype) return dtoClass(type);
  try {
    return dtoClass((type as () => unknown)()); // a lazy type thunk
  } catch {
    return null;
  }
}

function checkShape(value: unknown, dto: new () => unknown, field: string, errors: FieldError[]): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return; // the ValidationPipe says what is wrong
  for (const [key, item] of Object.entries(value)) {
    const meta = Reflect.getMetadata(MODEL_PROPERTIES, dto.prototype, key) as PropertyMeta | undefined;
    if (!meta) continue; // unknown fields: refused by the ValidationPipe (forbidNonWhitelisted)
    const path = join(field, key);
    if (item === null) {
      if (!meta.nullable) errors.push({ field: path, errors: ['must not be null (leave it out to keep its value)'] });
      continue;
    }
    const nested = nestedDto(meta);
    if (!nested) continue;
    if (meta.isArray) {
      if (Array.isArray(item)) item.forEach((element, i) => checkShape(element, nested, join(path, String(i)), errors));
    } else if (Array.isArray(item) || typeof item !== 'object') {
      errors.push({ field: path, errors: ['must be a JSON object'] });
    } else {
      checkShape(item, nested, path, errors);
    }
  }
}
