import { TransitionTable } from '@pilotlink/core';

/** 科技成果 status (SPEC §4a). IN_PILOT: a pilot verification is under way; TRANSFERRED: 成果已转化. */
export const RESULT_STATUSES = ['DRAFT', 'PUBLISHED', 'IN_PILOT', 'TRANSFERRED', 'WITHDRAWN'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const RESULT_TRANSITIONS: TransitionTable<ResultStatus> = {
  DRAFT: ['PUBLISHED', 'WITHDRAWN'],
  PUBLISHED: ['IN_PILOT', 'TRANSFERRED', 'WITHDRAWN'],
  IN_PILOT: ['TRANSFERRED', 'WITHDRAWN'],
  TRANSFERRED: [],
  WITHDRAWN: [],
};

/** Past the draft and not withdrawn: shown to others (by its confidentiality) and searchable. */
export const LIVE_RESULT_STATUSES = ['PUBLISHED', 'IN_PILOT', 'TRANSFERRED'] as const satisfies readonly ResultStatus[];

export function isLiveResult(status: ResultStatus): boolean {
  return (LIVE_RESULT_STATUSES as readonly ResultStatus[]).includes(status);
}

/** The stage a result has reached: 概念验证 or 小试 (a result past pilot scale no longer needs one). */
export const RESULT_STAGES = ['CONCEPT', 'LAB'] as const;
export type ResultStage = (typeof RESULT_STAGES)[number];

/** The stage the verification should take it to. */
export const RESULT_TARGET_STAGES = ['LAB', 'PILOT', 'SMALL_BATCH'] as const;
export type ResultTargetStage = (typeof RESULT_TARGET_STAGES)[number];

/** 转让, 许可, 作价入股, 合作开发 (促进科技成果转化法 §16). */
export const TRANSFER_MODES = ['ASSIGNMENT', 'LICENSE', 'EQUITY', 'CO_DEVELOPMENT'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];
export const TRANSFER_MODE_LABELS: Record<TransferMode, string> = {
  ASSIGNMENT: '转让',
  LICENSE: '许可',
  EQUITY: '作价入股',
  CO_DEVELOPMENT: '合作开发',
};

/** IP protecting a result: patents by kind (with their number), software copyright, know-how (技术秘密). */
export const IP_KINDS = [
  'INVENTION_PATENT',
  'UTILITY_MODEL_PATENT',
  'DESIGN_PATENT',
  'SOFTWARE_COPYRIGHT',
  'KNOW_HOW',
] as const;
export type IpKind = (typeof IP_KINDS)[number];
export const IP_KIND_LABELS: Record<IpKind, string> = {
  INVENTION_PATENT: '发明专利',
  UTILITY_MODEL_PATENT: '实用新型专利',
  DESIGN_PATENT: '外观设计专利',
  SOFTWARE_COPYRIGHT: '软件著作权',
  KNOW_HOW: '技术秘密',
};

/** Patents and software copyrights are registered: they carry their number; know-how has none. */
export function ipNeedsNumber(kind: IpKind): boolean {
  return kind !== 'KNOW_HOW';
}

export interface IpItem {
  kind: IpKind;
  /** Patent or registration number (ZL… / 软著登字…); absent for know-how. */
  number?: string;
  /** What it protects. */
  title: string;
  /** Granted (授权) or pending (申请中); patents only. */
  granted?: boolean;
}
