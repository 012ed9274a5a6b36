import { INDUSTRY_FIELD_INDEX, Platform } from '@pilotlink/catalogue';

/** The org that hosts a platform (依托单位), as far as search shows it. */
export interface HostOrg {
  name: string;
  updatedAt: Date;
}

export function fieldNames(codes: readonly string[]): string[] {
  return codes.map((code) => INDUSTRY_FIELD_INDEX.get(code)?.name).filter((name): name is string => !!name);
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function newestMs(...dates: Date[]): number {
  return Math.max(...dates.map((date) => date.getTime()));
}

export function ratingOf(platform: Platform): number | null {
  return platform.ratingAvg === null ? null : Number(platform.ratingAvg);
}
