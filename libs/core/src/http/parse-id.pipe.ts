import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** `:id` path params: a malformed id names no object, so it answers 404 like an unknown one. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError('Resource');
    return value.toLowerCase();
  }
}
