import { describe, expect, it } from '@jest/globals';
import { ORDER_ACTIONS, ORDER_STATUSES } from '../../../../../libs/booking/src/domain/order';
import { RESERVATION_STATUSES } from '../../../../../libs/booking/src/domain/reservation';
import { WEEKDAYS } from '../../../../../libs/booking/src/domain/availability';
import {
  OPERATING_MODEL_LABELS,
  OPERATING_MODELS,
  PLATFORM_STATUSES,
  PLATFORM_TYPE_LABELS,
  PLATFORM_TYPES,
  PRICING_KINDS,
  QUALIFICATION_KINDS,
  RECOGNITION_LEVELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SERVICE_STAGES,
  SERVICE_STATUSES,
} from '../../../../../libs/core/src/vocabulary/catalogue-terms';
import { CONFIDENTIALITY_LEVELS, DEMAND_STATUSES, QUOTE_STATUSES } from '../../../../../libs/demand/src/domain/demand';
import { OVERLAP_DECISIONS } from '../../../../../libs/governance/src/domain/assessment';
import { EVALUATION_OUTCOMES, GRADES } from '../../../../../libs/governance/src/domain/evaluation';
import {
  KEY_PROJECT_STAGES,
  KEY_PROJECT_STATUSES,
  KEY_PROJECT_SUBJECTS,
} from '../../../../../libs/governance/src/domain/key-project';
import { RECOGNITION_STATUSES } from '../../../../../libs/governance/src/domain/recognition';
import { REVENUE_FLAGS } from '../../../../../libs/governance/src/domain/revenue-declaration';
import { EQUIPMENT_BASES, SUBSIDY_RULE_KINDS } from '../../../../../libs/governance/src/domain/subsidy-rule';
import { REVENUE_DECLARATION_STATUSES } from '../../../../../libs/governance/src/subsidies/subsidy.entities';
import { ORG_KINDS } from '../../../../../libs/core/src/access/org-kinds';
import { JOB_STATES } from '../../../../../libs/search/src/dto/reindex-job.response.dto';
import { SEARCH_INDEX_KINDS } from '../../../../../libs/search/src/indexes/search-indexes.service';
import {
  IP_KINDS,
  RESULT_STAGES,
  RESULT_STATUSES,
  RESULT_TARGET_STAGES,
  TRANSFER_MODES,
} from '../../../../../libs/research/src/domain/result';
import { POLICY_STATUSES } from '../../../../../libs/research/src/policy/policy';
import { CLAIM_CHECK_CODES } from '../../../../../libs/voucher/src/domain/claim-checks';
import { INELIGIBLE_REASONS } from '../../../../../libs/voucher/src/domain/eligibility';
import { INTEGRITY_FLAGS } from '../../../../../libs/voucher/src/domain/integrity';
import {
  EXCLUDABLE_PURPOSES,
  PROGRAM_KINDS,
  PROGRAM_STATUSES,
  REDEMPTION_MODES,
} from '../../../../../libs/voucher/src/domain/program';
import {
  APPLICATION_STATUSES,
  CLAIM_STATUSES,
  VOUCHER_STATUSES,
} from '../../../../../libs/voucher/src/domain/voucher-state';
import { ORDER_ACTION, ORDER_STATUS, RESERVATION_STATUS, WEEKDAY_LABEL } from './booking';
import {
  OPERATING_MODEL,
  PLATFORM_STATUS,
  PLATFORM_TYPE,
  PRICING,
  QUALIFICATION_KIND,
  RECOGNITION_LEVEL,
  SERVICE_CATEGORY,
  SERVICE_STATUS,
} from './catalogue';
import { CONFIDENTIALITY, DEMAND_STATUS, QUOTE_STATUS, STAGE } from './demand';
import {
  EQUIPMENT_BASIS,
  GRADE,
  KEY_PROJECT_STAGE,
  KEY_PROJECT_STATUS,
  KEY_PROJECT_SUBJECT,
  OUTCOME,
  OUTCOME_CONSEQUENCE,
  OVERLAP,
  RECOGNITION_STATUS,
  REVENUE_FLAG,
  REVENUE_STATUS,
  RULE_KIND,
} from './governance';
import { ROLE_LABEL } from './identity';
import { INDEX_KIND, JOB_STATE } from './operations';
import {
  IP_KIND,
  POLICY_STATUS,
  RESULT_CONFIDENTIALITY,
  RESULT_STAGE,
  RESULT_STATUS,
  RESULT_TARGET_STAGE,
  TRANSFER_MODE,
} from './research';
import {
  APPLICATION_STATUS,
  CHECK_LABEL,
  CLAIM_STATUS,
  EXCLUDABLE_PURPOSE_OPTIONS,
  FLAG_TEXT,
  MIN_RECOGNITION_OPTIONS,
  PROGRAM_KIND,
  PROGRAM_STATUS,
  REASON_TEXT,
  REDEMPTION_MODE,
  REDEMPTION_OPTIONS,
  REDEMPTION_SHORT,
  SERVICE_CATEGORY_OPTIONS,
  VOUCHER_STATUS,
} from './voucher';

const sorted = (keys: readonly string[]) => [...keys].sort();

/** The portal's label maps against the server's enum tables: a value added or renamed there fails here. */
describe('portal labels', () => {
  it.each([
    ['ORDER_STATUS', ORDER_STATUS, ORDER_STATUSES],
    ['ORDER_ACTION', ORDER_ACTION, ORDER_ACTIONS],
    ['RESERVATION_STATUS', RESERVATION_STATUS, RESERVATION_STATUSES],
    ['WEEKDAY_LABEL', WEEKDAY_LABEL, WEEKDAYS],
    ['SERVICE_CATEGORY', SERVICE_CATEGORY, SERVICE_CATEGORIES],
    ['SERVICE_STATUS', SERVICE_STATUS, SERVICE_STATUSES],
    ['PRICING', PRICING, PRICING_KINDS],
    ['PLATFORM_STATUS', PLATFORM_STATUS, PLATFORM_STATUSES],
    ['PLATFORM_TYPE', PLATFORM_TYPE, PLATFORM_TYPES],
    ['OPERATING_MODEL', OPERATING_MODEL, OPERATING_MODELS],
    ['QUALIFICATION_KIND', QUALIFICATION_KIND, QUALIFICATION_KINDS],
    ['RECOGNITION_LEVEL', RECOGNITION_LEVEL, RECOGNITION_LEVELS],
    ['STAGE', STAGE, SERVICE_STAGES],
    ['DEMAND_STATUS', DEMAND_STATUS, DEMAND_STATUSES],
    ['QUOTE_STATUS', QUOTE_STATUS, QUOTE_STATUSES],
    ['CONFIDENTIALITY', CONFIDENTIALITY, CONFIDENTIALITY_LEVELS],
    ['RECOGNITION_STATUS', RECOGNITION_STATUS, RECOGNITION_STATUSES],
    ['GRADE', GRADE, GRADES],
    ['OUTCOME', OUTCOME, EVALUATION_OUTCOMES],
    ['OVERLAP', OVERLAP, OVERLAP_DECISIONS],
    ['RULE_KIND', RULE_KIND, SUBSIDY_RULE_KINDS],
    ['EQUIPMENT_BASIS', EQUIPMENT_BASIS, EQUIPMENT_BASES],
    ['REVENUE_STATUS', REVENUE_STATUS, REVENUE_DECLARATION_STATUSES],
    ['REVENUE_FLAG', REVENUE_FLAG, REVENUE_FLAGS],
    ['ROLE_LABEL', ROLE_LABEL, ORG_KINDS],
    ['INDEX_KIND', INDEX_KIND, SEARCH_INDEX_KINDS],
    ['VOUCHER_STATUS', VOUCHER_STATUS, VOUCHER_STATUSES],
    ['CLAIM_STATUS', CLAIM_STATUS, CLAIM_STATUSES],
    ['APPLICATION_STATUS', APPLICATION_STATUS, APPLICATION_STATUSES],
    ['CHECK_LABEL', CHECK_LABEL, CLAIM_CHECK_CODES],
    ['PROGRAM_STATUS', PROGRAM_STATUS, PROGRAM_STATUSES],
    ['PROGRAM_KIND', PROGRAM_KIND, PROGRAM_KINDS],
    ['REDEMPTION_MODE', REDEMPTION_MODE, REDEMPTION_MODES],
    ['REDEMPTION_SHORT', REDEMPTION_SHORT, REDEMPTION_MODES],
    ['FLAG_TEXT', FLAG_TEXT, INTEGRITY_FLAGS],
    ['RESULT_STATUS', RESULT_STATUS, RESULT_STATUSES],
    ['RESULT_STAGE', RESULT_STAGE, RESULT_STAGES],
    ['RESULT_TARGET_STAGE', RESULT_TARGET_STAGE, RESULT_TARGET_STAGES],
    ['TRANSFER_MODE', TRANSFER_MODE, TRANSFER_MODES],
    ['IP_KIND', IP_KIND, IP_KINDS],
    ['POLICY_STATUS', POLICY_STATUS, POLICY_STATUSES],
    ['KEY_PROJECT_STAGE', KEY_PROJECT_STAGE, KEY_PROJECT_STAGES],
    ['KEY_PROJECT_SUBJECT', KEY_PROJECT_SUBJECT, KEY_PROJECT_SUBJECTS],
    ['KEY_PROJECT_STATUS', KEY_PROJECT_STATUS, KEY_PROJECT_STATUSES],
    ['RESULT_CONFIDENTIALITY', RESULT_CONFIDENTIALITY, CONFIDENTIALITY_LEVELS],
  ] as [string, Record<string, unknown>, readonly string[]][])(
    '%s labels exactly the server values',
    (_, map, values) => {
      expect(sorted(Object.keys(map))).toEqual(sorted(values));
    },
  );

  it("platform types and operating models read as the server's own labels", () => {
    expect(PLATFORM_TYPE).toEqual(PLATFORM_TYPE_LABELS);
    expect(OPERATING_MODEL).toEqual(OPERATING_MODEL_LABELS);
  });

  it('option lists offer exactly the server values', () => {
    expect(SERVICE_CATEGORY_OPTIONS.map((o) => o.value)).toEqual([...SERVICE_CATEGORIES]);
    expect(sorted(REDEMPTION_OPTIONS.map((o) => o.value))).toEqual(sorted(REDEMPTION_MODES));
    expect(sorted(EXCLUDABLE_PURPOSE_OPTIONS.map((o) => o.value))).toEqual(sorted(EXCLUDABLE_PURPOSES));
    expect(sorted(MIN_RECOGNITION_OPTIONS.map((o) => o.value))).toEqual(sorted(RECOGNITION_LEVELS));
  });

  it('service categories read as the server names them', () => {
    expect(SERVICE_CATEGORY).toEqual(SERVICE_CATEGORY_LABELS);
  });

  // Partial maps: only some values get their own text; none may name a value the server lacks.
  it.each([
    ['REASON_TEXT', REASON_TEXT, INELIGIBLE_REASONS],
    ['OUTCOME_CONSEQUENCE', OUTCOME_CONSEQUENCE, EVALUATION_OUTCOMES],
    ['JOB_STATE', JOB_STATE, JOB_STATES],
  ] as [string, Record<string, unknown>, readonly string[]][])('%s names only server values', (_, map, values) => {
    expect(Object.keys(map).filter((k) => !values.includes(k))).toEqual([]);
  });
});
