/** The catalogue's API shapes, as the OpenAPI document declares them (openapi.d.ts). */
import type { Schema } from '../../shared/api';

/** A platform as GET /platforms(/:id) answers it: its operator's own (mine) or the public profile. */
export type PublicPlatform = Schema<'PlatformResponseDto'>;
export type ServiceRow = Schema<'ServiceResponseDto'>;
export type EquipmentRow = Schema<'EquipmentResponseDto'>;
