import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error';
import { InputSafetyPipe, unstorableString } from './input-safety.pipe';

class Inner {
  @ApiProperty() name!: string;
}
class Outer {
  @ApiPropertyOptional() priceFen?: number;
  @ApiPropertyOptional({ nullable: true, type: String }) note?: string | null;
  @ApiProperty({ type: () => Inner }) inner!: Inner;
  @ApiProperty({ type: [Inner] }) items!: Inner[];
}

function fields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return ((error as DomainError).details as { fields: { field: string }[] }).fields.map((f) => f.field);
  }
  return [];
}

describe('InputSafetyPipe', () => {
  const pipe = new InputSafetyPipe();
  const body = (value: unknown) => () => pipe.transform(value, { type: 'body', metatype: Outer });

  it('refuses NUL bytes and lone surrogates anywhere, naming the field', () => {
    expect(unstorableString('a\u0000b')).toMatch(/NUL/);
    expect(unstorableString('x\ud800y')).toMatch(/surrogate/);
    expect(unstorableString('😀 中文')).toBeNull();
    expect(fields(body({ inner: { name: 'a\u0000' }, items: [{ name: '\udc00' }] }))).toEqual([
      'inner.name',
      'items.0.name',
    ]);
    expect(fields(() => pipe.transform('x\ud800', { type: 'param', data: 'id' }))).toEqual(['id']);
  });

  it('refuses null where the document does not allow it, arrays for objects, and unsafe numbers', () => {
    expect(fields(body({ priceFen: null, note: null }))).toEqual(['priceFen']);
    expect(fields(body({ inner: [] }))).toEqual(['inner']);
    expect(fields(body([]))).toEqual(['body']);
    expect(fields(body({ priceFen: 1e20 }))).toEqual(['priceFen']);
    expect(fields(body({ priceFen: 100, inner: { name: 'ok' }, items: [] }))).toEqual([]);
  });
});
