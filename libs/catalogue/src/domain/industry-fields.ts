// The industry-field taxonomy is shared vocabulary (search documents use it): it lives in core.
export {
  type IndustryFieldSeed,
  INDUSTRY_FIELDS,
  INDUSTRY_FIELD_INDEX,
  isIndustryFieldCode,
  withParentFields,
} from '@pilotlink/core';
