import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { createTestApp, TestApp } from '@pilotlink/testing';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
}
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const BINARY = (schema: Schema | undefined) => schema?.type === 'string' && schema.format === 'binary';

/**
 * A schema a client can type a response from: a named model with properties, an array of one, or a
 * typed object/primitive — not `{}` nor a model without a single documented property.
 */
function describes(schema: Schema | undefined, models: Record<string, Schema>): boolean {
  if (!schema) return false;
  if (schema.$ref) {
    const model = models[schema.$ref.replace('#/components/schemas/', '')];
    return Object.keys(model?.properties ?? {}).length > 0 || !!model?.allOf?.length;
  }
  if (schema.allOf?.length) return schema.allOf.every((part) => describes(part, models));
  if (schema.type === 'array') return describes(schema.items, models);
  if (schema.type === 'object') return Object.keys(schema.properties ?? {}).length > 0;
  return typeof schema.type === 'string';
}

/** Each route's real success status: @HttpCode, else 201 for POST and 200 for the rest (as Nest answers). */
function routeStatuses(t: TestApp): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller || !Reflect.hasMetadata(PATH_METADATA, controller)) continue;
      if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_CONTROLLER, controller)?.[0]) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        if (Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handler)?.disable) continue;
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        statuses.set(
          `${controller.name}_${name}`,
          code ?? (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK),
        );
      }
    }
  }
  return statuses;
}

/**
 * Integrators and the portal type every response from the OpenAPI document, so each operation must say
 * what it answers on success: a JSON schema (a response DTO, a page of them), a binary body with its
 * content type (downloads), or nothing for a 204 — under the status the route really answers.
 */
describe('OpenAPI document: every operation declares its success response (e2e)', () => {
  let t: TestApp;
  let operations: Operation[];
  let models: Record<string, Schema>;
  let statuses: Map<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    const doc = await t.http.get('/api/docs-json').expect(200);
    operations = Object.values(doc.body.paths as Record<string, Record<string, Operation>>).flatMap((path) =>
      Object.values(path),
    );
    models = doc.body.components.schemas;
    statuses = routeStatuses(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds every route of the API in the document', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.map((op) => op.operationId).sort()).toEqual([...statuses.keys()].sort());
  });

  it('each operation documents the status its route answers, with a schema (204: none; downloads: binary)', () => {
    const problems: string[] = [];
    for (const op of operations) {
      const status = statuses.get(op.operationId);
      const declared = Object.keys(op.responses).filter((code) => /^2\d\d$/.test(code));
      if (!status || declared.length !== 1 || declared[0] !== String(status)) {
        problems.push(`${op.operationId}: answers ${status}, documents [${declared.join(', ')}]`);
        continue;
      }
      const content = op.responses[status]?.content ?? {};
      const media = Object.entries(content);
      if (status === 204) {
        if (media.length) problems.push(`${op.operationId}: 204 with a body`);
        continue;
      }
      if (!media.length) problems.push(`${op.operationId}: ${status} without content`);
      for (const [type, { schema }] of media) {
        if (type === 'application/json' ? !describes(schema, models) : !BINARY(schema) && !describes(schema, models))
          problems.push(`${op.operationId}: ${status} ${type} without a schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists answer the page envelope with its total (SPEC §11), save a fixed taxonomy and a replace-whole set', () => {
    // The industry field tree is reference data (SPEC §9); an org's shareholders are one set, replaced by PUT.
    const wholeSets = ['IndustryFieldsController_tree', 'VouchersController_listShareholders'];
    const bareArrays = operations
      .filter((op) => op.responses['200']?.content?.['application/json']?.schema?.type === 'array')
      .map((op) => op.operationId)
      .filter((id) => !wholeSets.includes(id) && !id.endsWith('replaceShareholders'));
    expect(bareArrays).toEqual([]);
  });
});
