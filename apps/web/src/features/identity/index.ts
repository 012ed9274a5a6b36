export { OrgCorrectionsReview } from './OrgCorrectionsReview';
export { OrgProfileCard } from './OrgProfileCard';
