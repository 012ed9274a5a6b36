import type { Schema } from '../../shared/api';

/** A claim on a program's public notice (公示), as GET /voucher-programs/:id/public-notice lists it. */
export type NoticeItem = Schema<'PublicNoticeItemDto'>;

/** How to object, as the notice itself says it (SPEC §6: "during it anyone may object (异议) through a public form"). */
export const HOW_TO_OBJECT =
  '公示期内，任何单位或个人对下列兑付有异议的，可点击“提出异议”，如实填写联系方式和异议理由（匿名或无具体理由的异议不予受理）。' +
  '主管部门核查后处理：异议成立的，该笔兑付不予拨付；异议不成立的，公示期满后拨付。';
export function noticeUrl(programId: string): string {
  return `/public-notice/${programId}`;
}
