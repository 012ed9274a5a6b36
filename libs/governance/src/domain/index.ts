export * from './assessment';
export * from './evaluation';
export * from './recognition';
export * from './subsidy-rule';
export * from './revenue-declaration';
export * from './key-project';
