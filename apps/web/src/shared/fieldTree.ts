import { api } from './api';
import { useLoad } from './useLoad';

export interface FieldNode {
  code: string;
  name: string;
  children?: FieldNode[];
}

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
