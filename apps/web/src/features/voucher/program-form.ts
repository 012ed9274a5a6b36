import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { RequestBody } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { yuan } from '../../shared/money';

type CreateProgram = RequestBody<'CreateProgramDto'>;

export interface TierValues {
  uptoYuan?: number | null;
  ratioPercent?: number;
}

export interface CofunderValues {
  key: string;
  name?: string;
  sharePercent?: number;
}

/** The form's values: yuan and percent as typed; fen and basis points only in the request body. */
export interface ProgramFormValues {
  name: string;
  kind: CreateProgram['kind'];
  year: number;
  budgetYuan?: number | null;
  maxVoucherYuan: number;
  ruleKind: 'RATIO' | 'TIERS';
  ratioPercent?: number;
  tiers?: TierValues[];
  capPerSmeYearYuan?: number | null;
  capPerOrderYuan?: number | null;
  capPerPlatformYearYuan?: number | null;
  onePerPair: boolean;
  smeTechOnly: boolean;
  smeTeamsAllowed: boolean;
  smeRegionCodes: string[];
  smeFieldCodes: string[];
  eligibleCategories: NonNullable<CreateProgram['eligibleCategories']>;
  excludedPurposes: NonNullable<CreateProgram['excludedPurposes']>;
  minRecognitionLevel: CreateProgram['minRecognitionLevel'];
  platformIds: string[];
  apply: [Dayjs, Dayjs];
  validityDays: number;
  redemptionMode: CreateProgram['redemptionMode'];
  cofunders: CofunderValues[];
  noticeDays: number;
  claimWindowDays: number;
  spotCheckPercent: number;
  makerChecker: boolean;
}

/** Yuan (as typed, up to 2 decimals) → integer fen; empty stays empty (null: no cap). */
export const toFen = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(v * 100);
const toBp = (percent: number | null | undefined): number => Math.round((percent ?? 0) * 100);
const toYuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

/** Basis points summed exactly (percent inputs may carry two decimals). */
export const sharesBp = (cofunders: CofunderValues[] = []): number =>
  cofunders.reduce((sum, c) => sum + toBp(c?.sharePercent), 0);

/** A key for a new co-funder row, unique in the list (the API keys the ledger's accounts by it). */
export function nextCofunderKey(cofunders: CofunderValues[] = []): string {
  const used = new Set(cofunders.map((c) => c?.key));
  let n = cofunders.length + 1;
  while (used.has(`cofunder-${n}`)) n += 1;
  return `cofunder-${n}`;
}

export function defaultFormValues(orgName: string): Partial<ProgramFormValues> {
  return {
    kind: 'PILOT_SERVICE',
    year: new Date().getFullYear(),
    ruleKind: 'RATIO',
    ratioPercent: 40,
    tiers: [
      { uptoYuan: 10_000, ratioPercent: 100 },
      { uptoYuan: null, ratioPercent: 50 },
    ],
    onePerPair: false,
    smeTechOnly: false,
    smeTeamsAllowed: true,
    smeRegionCodes: [],
    smeFieldCodes: [],
    eligibleCategories: [],
    excludedPurposes: ['STATUTORY_TESTING'],
    minRecognitionLevel: 'NONE',
    platformIds: [],
    apply: [dayjs(), dayjs().endOf('year')],
    validityDays: 365,
    redemptionMode: 'REIMBURSE',
    cofunders: [{ key: 'local', name: orgName, sharePercent: 100 }],
    noticeDays: 7,
    claimWindowDays: 90,
    spotCheckPercent: 5,
    makerChecker: true,
  };
}

export function formValuesOf(p: Program): Partial<ProgramFormValues> {
  return {
    name: p.name,
    kind: p.kind,
    year: p.year,
    maxVoucherYuan: p.maxVoucherFen / 100,
    ruleKind: p.rule.kind,
    ratioPercent: p.rule.kind === 'RATIO' ? (p.rule.ratioBp ?? 0) / 100 : 40,
    tiers:
      p.rule.kind === 'TIERS'
        ? (p.rule.tiers ?? []).map((t) => ({ uptoYuan: toYuan(t.uptoFen ?? null), ratioPercent: t.ratioBp / 100 }))
        : [
            { uptoYuan: 10_000, ratioPercent: 100 },
            { uptoYuan: null, ratioPercent: 50 },
          ],
    capPerSmeYearYuan: toYuan(p.capPerSmeYearFen),
    capPerOrderYuan: toYuan(p.capPerOrderFen),
    capPerPlatformYearYuan: toYuan(p.capPerPlatformYearFen),
    onePerPair: p.onePerPair,
    smeTechOnly: p.smeTechOnly,
    smeTeamsAllowed: p.smeTeamsAllowed,
    smeRegionCodes: p.smeRegionCodes,
    smeFieldCodes: p.smeFieldCodes,
    eligibleCategories: p.eligibleCategories,
    excludedPurposes: p.excludedPurposes,
    minRecognitionLevel: p.minRecognitionLevel,
    platformIds: p.platformIds,
    apply: [dayjs(p.applyFrom), dayjs(p.applyUntil)],
    validityDays: p.validityDays,
    redemptionMode: p.redemptionMode,
    cofunders: p.cofunders.map((c) => ({ key: c.key, name: c.name, sharePercent: c.shareBp / 100 })),
    noticeDays: p.noticeDays,
    claimWindowDays: p.claimWindowDays,
    spotCheckPercent: p.spotCheckBp / 100,
    makerChecker: p.makerChecker,
  };
}

/** The rules as POST/PATCH /voucher-programs take them (amounts in fen, ratios in basis points). */
export function rulesBody(v: ProgramFormValues): Omit<CreateProgram, 'budgetFen'> {
  const tiers = v.tiers ?? [];
  return {
    kind: v.kind,
    name: v.name?.trim(),
    year: v.year,
    rule:
      v.ruleKind === 'TIERS'
        ? {
            kind: 'TIERS',
            tiers: tiers.map((t, i) => ({
              uptoFen: i === tiers.length - 1 ? null : toFen(t.uptoYuan),
              ratioBp: toBp(t.ratioPercent),
            })),
          }
        : { kind: 'RATIO', ratioBp: toBp(v.ratioPercent) },
    maxVoucherFen: toFen(v.maxVoucherYuan) ?? 0, // required in the form: never empty here
    capPerSmeYearFen: toFen(v.capPerSmeYearYuan),
    capPerOrderFen: toFen(v.capPerOrderYuan),
    capPerPlatformYearFen: toFen(v.capPerPlatformYearYuan),
    onePerPair: v.onePerPair,
    smeTechOnly: v.smeTechOnly,
    smeTeamsAllowed: v.smeTeamsAllowed,
    smeRegionCodes: v.smeRegionCodes ?? [],
    smeFieldCodes: v.smeFieldCodes ?? [],
    eligibleCategories: v.eligibleCategories ?? [],
    excludedPurposes: v.excludedPurposes ?? [],
    minRecognitionLevel: v.minRecognitionLevel,
    platformIds: v.platformIds ?? [],
    applyFrom: v.apply[0].format('YYYY-MM-DD'),
    applyUntil: v.apply[1].format('YYYY-MM-DD'),
    validityDays: v.validityDays,
    redemptionMode: v.redemptionMode,
    cofunders: (v.cofunders ?? []).map((c) => ({
      key: c.key,
      name: c.name?.trim() ?? '',
      shareBp: toBp(c.sharePercent),
    })),
    noticeDays: v.noticeDays,
    claimWindowDays: v.claimWindowDays,
    spotCheckBp: toBp(v.spotCheckPercent),
    makerChecker: v.makerChecker ?? true,
  };
}

/** A short Chinese statement of the rule, e.g. "¥10,000.00 以内 100%；¥10,000.00 以上部分 50%". */
export function ruleText(rule: Program['rule']): string {
  if (rule.kind === 'RATIO') return `按合同金额 ${(rule.ratioBp ?? 0) / 100}%`;
  const tiers = rule.tiers ?? [];
  return tiers
    .map((t, i) => {
      const from = i === 0 ? 0 : (tiers[i - 1].uptoFen ?? 0);
      if (t.uptoFen === null) return `${i === 0 ? '全部金额' : `${yuan(from)} 以上部分`} ${t.ratioBp / 100}%`;
      const part = i === 0 ? `${yuan(t.uptoFen)} 以内` : `${yuan(from)}–${yuan(t.uptoFen)}`;
      return `${part} ${t.ratioBp / 100}%`;
    })
    .join('；');
}
