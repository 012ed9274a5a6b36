import { api, Schema } from './api';
import { useLoad } from './useLoad';

/** A node of the industry-field tree as GET /industry-fields answers it. */
export type FieldNode = Schema<'IndustryFieldNodeDto'>;

export function useIndustryFields() {
  return useLoad(() => api<FieldNode[]>('/industry-fields'), []);
}

export interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

export const fieldTree = (nodes: FieldNode[] = []): TreeNode[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, children: n.children ? fieldTree(n.children) : undefined }));
