export const ROLE_LABEL: Record<string, string> = {
  SME: '中小企业',
  PLATFORM_OPERATOR: '中试平台',
  BUREAU: '科技主管部门',
  ADMIN: '运营管理员',
  INSTITUTE: '高校院所',
};
