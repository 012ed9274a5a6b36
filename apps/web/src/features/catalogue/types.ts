export interface ServiceRow {
  id: string;
  title: string;
  description: string;
  category: string;
  categoryLabel: string;
  fieldCodes: string[];
  stages: string[];
  pricingKind: string;
  priceFen: number | null;
  unitName: string | null;
  leadTimeDays: number;
  voucherEligible: boolean;
  status: string;
}

export interface PublicPlatform {
  id: string;
  name: string;
  typeLabel: string;
  operatingModelLabel: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  recognitionLevel: string;
  ratingAvg: number | null;
  reviewCount: number;
  qualifications?: { kind: string; certificateNo: string; accreditedScope?: string | null; validUntil: string }[];
}

export interface EquipmentRow {
  id: string;
  name: string;
  model: string | null;
  maker: string | null;
  category: string;
  keySpecs: string;
  hourlyRateFen: number;
  status: string;
}
