import dayjs, { Dayjs } from 'dayjs';
import type { RequestBody, Schema } from '../../shared/api';
import { regionCodeOf, regionPath } from './regions';

export type Platform = Schema<'PlatformResponseDto'>;
type CreateBody = RequestBody<'CreatePlatformDto'>;
type Qualification = RequestBody<'QualificationDto'>;

/** A qualification as the form holds it: the expiry as a date picker's value. */
export type QualificationValues = Omit<Qualification, 'validUntil'> & { validUntil?: Dayjs };

/** The platform form's values: the region as a Cascader path, qualifications with dayjs dates. */
export type PlatformFormValues = Omit<CreateBody, 'regionCode' | 'qualifications'> & {
  regionCode?: string[];
  qualifications?: QualificationValues[];
};

const blankToUndefined = (text: string | null | undefined) => (text && text.trim() ? text : undefined);

/** The request body (create or edit) of the form's values; the API's field names are the form's. */
export function platformBody(v: PlatformFormValues): CreateBody {
  return {
    name: v.name,
    type: v.type,
    operatingModel: v.operatingModel,
    fieldCodes: v.fieldCodes,
    regionCode: regionCodeOf(v.regionCode) as string,
    address: blankToUndefined(v.address),
    description: v.description ?? '',
    contactName: blankToUndefined(v.contactName),
    contactPhone: blankToUndefined(v.contactPhone),
    // A saved qualification is sent back by id, so it keeps its certificate scan.
    qualifications: (v.qualifications ?? []).map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      certificateNo: q.certificateNo,
      accreditedScope: q.accreditedScope ?? '',
      validUntil: q.validUntil ? q.validUntil.format('YYYY-MM-DD') : '',
    })),
  };
}

/** The form's values for an existing platform (editing). */
export function platformValues(p: Platform): PlatformFormValues {
  return {
    name: p.name,
    type: p.type,
    operatingModel: p.operatingModel,
    fieldCodes: p.fieldCodes,
    regionCode: regionPath(p.regionCode) ?? [p.regionCode],
    address: p.address ?? undefined,
    description: p.description,
    contactName: p.contactName ?? undefined,
    contactPhone: p.contactPhone ?? undefined,
    qualifications: p.qualifications.map((q) => ({
      id: q.id,
      kind: q.kind,
      certificateNo: q.certificateNo,
      accreditedScope: q.accreditedScope,
      validUntil: dayjs(q.validUntil),
    })),
  };
}
